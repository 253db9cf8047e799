package io.sagashop.orchestrator.delivery;

import io.sagashop.platform.events.EventType;

/** The commands the orchestrator sends on {@code delivery.commands}. */
enum DeliveryCommandType implements EventType {
  /** Ship the goods of an order; delivery-service answers with DeliveryStarted. */
  StartDelivery,
  /**
   * Do not ship an order whose delivery deadline passed; delivery-service answers DeliveryCancelled,
   * or nothing if it had shipped (its DeliveryStarted is then on its way).
   */
  CancelDelivery;

  @Override
  public String orderStatus() {
    return null;
  }
}
