package io.sagashop.delivery.contract;

/** Where a delivery stands. */
public enum DeliveryStatus {
  /** Handed to the carrier, on its way to the customer. */
  STARTED
}
