package io.sagashop.delivery.contract;

import io.sagashop.events.contract.EventType;

/**
 * The commands delivery-service takes on {@code delivery.commands}, each keyed by the orderId, so
 * that an order's commands are read in the order they were sent.
 */
public enum DeliveryCommandType implements EventType {
  /** Ship the goods of an order ({@link StartDelivery}); delivery-service answers with DeliveryStarted. */
  StartDelivery,
  /**
   * Do not ship an order whose delivery deadline passed (no data); delivery-service answers
   * DeliveryCancelled, or nothing if it had shipped (its DeliveryStarted is then on its way).
   */
  CancelDelivery
}
