package io.sagashop.order.contract;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The data of ReceiptConfirmed: the customer says the goods arrived. */
public record ReceiptConfirmed(@NotNull UUID orderId) {}
