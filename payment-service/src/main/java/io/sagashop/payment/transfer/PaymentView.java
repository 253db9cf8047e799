package io.sagashop.payment.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment as the REST API and the events show it. */
record PaymentView(
    UUID orderId,
    BigDecimal amount,
    String bankAccount,
    String transferReference,
    PaymentStatus status,
    Instant placedAt,
    Instant checkedAt,
    Instant canceledAt) {

  static PaymentView of(Payment payment) {
    return new PaymentView(
        payment.orderId(),
        payment.amount(),
        payment.bankAccount(),
        payment.transferReference(),
        payment.status(),
        payment.placedAt(),
        payment.checkedAt(),
        payment.canceledAt());
  }
}
