package io.sagashop.orchestrator.delivery;

import io.sagashop.platform.events.EventType;

/** The commands the orchestrator sends on {@code delivery.commands}. */
enum DeliveryCommandType implements EventType {
  /** Ship the goods of an order; delivery-service answers with DeliveryStarted. */
  StartDelivery;

  @Override
  public String orderStatus() {
    return null;
  }
}
