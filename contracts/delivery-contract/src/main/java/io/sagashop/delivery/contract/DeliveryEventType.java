package io.sagashop.delivery.contract;

import io.sagashop.events.contract.EventType;

/**
 * The events delivery-service publishes on {@code delivery.events}, keyed by the orderId. The
 * names are also the saga's message names where the saga waits for them.
 */
public enum DeliveryEventType implements EventType {
  /** The goods left the warehouse: the delivery as its API answers it ({@link DeliveryView}). */
  DeliveryStarted,
  /**
   * The answer to CancelDelivery when nothing had shipped: this order will never be shipped. The
   * saga compensates and marks the order cancelled.
   */
  DeliveryCancelled
}
