package io.sagashop.orchestrator.contract;

import java.util.UUID;

/** The saga's answer to a cancellation it did not refuse. */
public record CancellationAnswer(UUID orderId, CancellationOutcome outcome) {}
