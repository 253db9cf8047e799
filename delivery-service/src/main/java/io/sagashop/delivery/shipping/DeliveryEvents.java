package io.sagashop.delivery.shipping;

import io.sagashop.delivery.contract.DeliveryEventType;
import io.sagashop.platform.events.EventType;

/**
 * delivery-service's events, named by its contract, with the order status each brings the order
 * to (what the customer's page shows; the contract names only the events). A cancelled delivery
 * changes none: the saga compensates and marks the order cancelled, and the page waits for that.
 */
final class DeliveryEvents {

  private DeliveryEvents() {}

  static EventType of(DeliveryEventType type) {
    return EventType.of(type, switch (type) {
      case DeliveryStarted -> "IN_DELIVERY";
      case DeliveryCancelled -> null;
    });
  }
}
