package io.sagashop.order.ordering;

import io.sagashop.order.contract.OrderEventType;
import io.sagashop.platform.events.EventType;

/**
 * order-service's events, named by its contract, with the customer-facing status each brings the
 * order to (order-service's own business, so not in the contract).
 */
final class OrderEvents {

  private OrderEvents() {}

  static EventType of(OrderEventType type) {
    return EventType.of(type, switch (type) {
      case OrderPlaced -> OrderStatus.PLACED;
      case ReceiptConfirmed -> null;
      case OrderClosed -> OrderStatus.CLOSED;
      case OrderCanceled -> OrderStatus.CANCELLED;
    });
  }
}
