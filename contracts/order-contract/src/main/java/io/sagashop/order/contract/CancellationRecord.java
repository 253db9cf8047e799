package io.sagashop.order.contract;

import jakarta.validation.constraints.NotNull;

/** Why the saga ended an order cancelled. */
public record CancellationRecord(@NotNull CancellationReason reason) {}
