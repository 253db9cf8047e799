package io.sagashop.payment.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment as payment-service's API answers it and its events carry it: where the customer
 * transfers the money, and where the payment stands.
 */
public record PaymentView(
    UUID orderId,
    BigDecimal amount,
    String bankAccount,
    String transferReference,
    PaymentStatus status,
    Instant placedAt,
    Instant checkedAt,
    Instant canceledAt) {}
