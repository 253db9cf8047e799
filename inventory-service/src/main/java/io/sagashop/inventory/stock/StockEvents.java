package io.sagashop.inventory.stock;

import io.sagashop.inventory.contract.StockEventType;
import io.sagashop.platform.events.EventType;

/**
 * inventory-service's events, named by its contract, with the order status each brings the order
 * to (what the customer's page shows; the contract names only the events).
 */
final class StockEvents {

  private StockEvents() {}

  static EventType of(StockEventType type) {
    return EventType.of(type, switch (type) {
      case QtyDecreased -> "GOODS_PREPARED";
      case QtyRestored -> null;
    });
  }
}
