package io.sagashop.delivery.shipping;

import java.time.Instant;
import java.util.UUID;

/** A delivery as the REST API and the events show it. */
record DeliveryView(
    UUID orderId, String productId, int quantity, DeliveryStatus status, String carrier, String trackingNumber, Instant startedAt) {

  static final String CARRIER = "sagashop parcel service";

  static DeliveryView of(Delivery delivery) {
    return new DeliveryView(
        delivery.orderId(),
        delivery.productId(),
        delivery.quantity(),
        delivery.status(),
        CARRIER,
        delivery.trackingNumber(),
        delivery.startedAt());
  }
}
