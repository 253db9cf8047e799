package io.sagashop.inventory.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Goods taken for an order or put back: at most one of each kind per order. */
@Entity
@Table(name = "stock_movement")
class StockMovement {

  enum Kind {
    DECREASE,
    RESTORE
  }

  @Embeddable
  record Key(@Column(name = "order_id") UUID orderId, @Enumerated(EnumType.STRING) Kind kind) implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "product_id")
  private String productId;

  private int quantity;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  protected StockMovement() {}

  StockMovement(UUID orderId, Kind kind, String productId, int quantity, Instant occurredAt) {
    this.key = new Key(orderId, kind);
    this.productId = productId;
    this.quantity = quantity;
    this.occurredAt = occurredAt;
  }

  String productId() {
    return productId;
  }

  int quantity() {
    return quantity;
  }
}
