package io.sagashop.order.ordering;

import io.sagashop.platform.events.EventType;

/** The events order-service publishes on {@code order.events}. */
enum OrderEventType implements EventType {
  /** A customer placed an order; starts the saga. */
  OrderPlaced(OrderStatus.PLACED),
  /** The customer has the goods; the saga closes the order. */
  ReceiptConfirmed(null),
  /** The order ended well. */
  OrderClosed(OrderStatus.CLOSED),
  /** The order ended cancelled; the data says why. */
  OrderCanceled(OrderStatus.CANCELLED);

  private final OrderStatus orderStatus;

  OrderEventType(OrderStatus orderStatus) {
    this.orderStatus = orderStatus;
  }

  @Override
  public String orderStatus() {
    return orderStatus == null ? null : orderStatus.name();
  }
}
