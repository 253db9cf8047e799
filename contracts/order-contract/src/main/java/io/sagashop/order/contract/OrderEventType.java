package io.sagashop.order.contract;

import io.sagashop.events.contract.EventType;

/**
 * The events order-service publishes on {@code order.events}, keyed by the orderId. The names are
 * also the saga's message names where the saga waits for them.
 */
public enum OrderEventType implements EventType {
  /** A customer placed an order ({@link OrderPlaced}); starts the saga. */
  OrderPlaced,
  /** The customer has the goods; the saga closes the order. */
  ReceiptConfirmed,
  /** The order ended well. */
  OrderClosed,
  /**
   * The order ended cancelled; the data says why. Payment-service voids or refunds whatever payment
   * the order has, delivery-service ships nothing for it.
   */
  OrderCanceled
}
