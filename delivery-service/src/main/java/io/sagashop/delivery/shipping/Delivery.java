package io.sagashop.delivery.shipping;

import io.sagashop.delivery.contract.DeliveryStatus;
import io.sagashop.delivery.contract.DeliveryView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The one delivery of an order. */
@Entity
@Table(name = "delivery")
class Delivery {

  /** The one carrier the shop ships with. */
  static final String CARRIER = "sagashop parcel service";

  @Id
  @Column(name = "order_id")
  private UUID orderId;

  @Column(name = "product_id")
  private String productId;

  private int quantity;

  @Enumerated(EnumType.STRING)
  private DeliveryStatus status;

  @Column(name = "tracking_number")
  private String trackingNumber;

  @Column(name = "started_at")
  private Instant startedAt;

  @Version private long version;

  protected Delivery() {}

  Delivery(UUID orderId, String productId, int quantity, String trackingNumber, Instant startedAt) {
    this.orderId = orderId;
    this.productId = productId;
    this.quantity = quantity;
    this.status = DeliveryStatus.STARTED;
    this.trackingNumber = trackingNumber;
    this.startedAt = startedAt;
  }

  UUID orderId() {
    return orderId;
  }

  String productId() {
    return productId;
  }

  int quantity() {
    return quantity;
  }

  DeliveryStatus status() {
    return status;
  }

  String trackingNumber() {
    return trackingNumber;
  }

  Instant startedAt() {
    return startedAt;
  }

  /** The delivery as the API answers it and DeliveryStarted carries it. */
  DeliveryView view() {
    return new DeliveryView(orderId, productId, quantity, status, CARRIER, trackingNumber, startedAt);
  }
}
