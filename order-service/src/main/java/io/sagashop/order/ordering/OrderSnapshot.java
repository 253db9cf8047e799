package io.sagashop.order.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The order aggregate as it stands: what placing, cancelling and confirming receipt answer, and the data of its events. */
public record OrderSnapshot(
    UUID orderId,
    String customerId,
    String productId,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal amount,
    OrderStatus status,
    String cancellationReason,
    Instant placedAt,
    Instant updatedAt) {

  static OrderSnapshot of(Order order) {
    return new OrderSnapshot(
        order.orderId(),
        order.customerId(),
        order.productId(),
        order.quantity(),
        order.unitPrice(),
        order.amount(),
        order.status(),
        order.cancellationReason(),
        order.placedAt(),
        order.updatedAt());
  }
}
