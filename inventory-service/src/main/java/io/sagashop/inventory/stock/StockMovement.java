package io.sagashop.inventory.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * Goods taken for an order or put back, or a decrease refused for too little stock: at most one of
 * each kind per order. A refusal is kept like an effect: the saga cancels the order on it, so a late
 * first attempt of the same decrease (slow, behind a lock, while its retry was refused) must be
 * refused too, even if the stock has grown since.
 */
@Entity
@Table(name = "stock_movement")
class StockMovement implements Persistable<StockMovement.Key> {

  enum Kind {
    DECREASE,
    RESTORE,
    REFUSED
  }

  @Embeddable
  record Key(@Column(name = "order_id") UUID orderId, @Enumerated(EnumType.STRING) Kind kind) implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "product_id")
  private String productId;

  private int quantity;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  /** Always inserted, never merged: a second movement of one kind for an order must fail, not overwrite the first. */
  @Transient private boolean isNew = true;

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

  @Override
  public Key getId() {
    return key;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    isNew = false;
  }
}
