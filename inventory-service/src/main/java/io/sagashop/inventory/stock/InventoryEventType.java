package io.sagashop.inventory.stock;

import io.sagashop.platform.events.EventType;

/** The events inventory-service publishes on {@code inventory.events}. */
enum InventoryEventType implements EventType {
  /** Goods for an order were taken from stock. */
  QtyDecreased("GOODS_PREPARED"),
  /** Goods taken for an order were put back (the order was compensated). */
  QtyRestored(null);

  private final String orderStatus;

  InventoryEventType(String orderStatus) {
    this.orderStatus = orderStatus;
  }

  @Override
  public String orderStatus() {
    return orderStatus;
  }
}
