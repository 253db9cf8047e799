package io.sagashop.order.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order as the REST API and the events show it. */
record OrderView(
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

  static OrderView of(Order order) {
    return new OrderView(
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
