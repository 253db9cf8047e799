package io.sagashop.inventory.contract;

import io.sagashop.events.contract.EventType;

/** The events inventory-service publishes on {@code inventory.events}, keyed by the orderId. */
public enum StockEventType implements EventType {
  /** Goods for an order were taken from stock. */
  QtyDecreased,
  /** Goods taken for an order were put back (the order was compensated). */
  QtyRestored
}
