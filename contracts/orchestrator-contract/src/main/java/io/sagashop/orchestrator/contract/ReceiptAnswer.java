package io.sagashop.orchestrator.contract;

import java.util.UUID;

/** The saga took the customer's receipt; the order closes shortly. */
public record ReceiptAnswer(UUID orderId) {}
