package io.sagashop.delivery.shipping;

import io.sagashop.platform.events.EventType;

/** The events delivery-service publishes on {@code delivery.events}. */
enum DeliveryEventType implements EventType {
  /** The goods left the warehouse; the data carries the tracking number. */
  DeliveryStarted("IN_DELIVERY"),
  /**
   * The answer to CancelDelivery when nothing had shipped: this order will never be shipped. The
   * saga compensates and marks the order cancelled; the view waits for that.
   */
  DeliveryCancelled(null);

  private final String orderStatus;

  DeliveryEventType(String orderStatus) {
    this.orderStatus = orderStatus;
  }

  @Override
  public String orderStatus() {
    return orderStatus;
  }
}
