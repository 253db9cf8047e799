package io.sagashop.order.ordering;

import io.sagashop.order.contract.CancellationReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A customer's order of one product, the aggregate the saga is about. */
@Entity
@Table(name = "customer_order")
public class Order {

  @Id
  @Column(name = "order_id")
  private UUID orderId;

  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "product_id")
  private String productId;

  private int quantity;

  @Column(name = "unit_price")
  private BigDecimal unitPrice;

  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  private OrderStatus status;

  @Column(name = "cancellation_reason")
  private String cancellationReason;

  @Column(name = "receipt_confirmed_at")
  private Instant receiptConfirmedAt;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "placed_at")
  private Instant placedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  protected Order() {}

  Order(UUID orderId, String customerId, String productId, int quantity, BigDecimal unitPrice, String idempotencyKey, Instant now) {
    this.orderId = orderId;
    this.customerId = customerId;
    this.productId = productId;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
    this.amount = unitPrice.multiply(BigDecimal.valueOf(quantity));
    this.status = OrderStatus.PLACED;
    this.idempotencyKey = idempotencyKey;
    this.placedAt = now;
    this.updatedAt = now;
  }

  /** Moves the order forward; false when the status is not ahead of the current one. */
  private boolean advanceTo(OrderStatus next, Instant now) {
    if (!status.canAdvanceTo(next)) {
      return false;
    }
    status = next;
    updatedAt = now;
    return true;
  }

  /** The customer has the goods (the saga said so); false if the receipt was confirmed before. */
  boolean confirmReceipt(Instant now) {
    if (receiptConfirmedAt != null) {
      return false;
    }
    receiptConfirmedAt = now;
    updatedAt = now;
    return true;
  }

  boolean close(Instant now) {
    return advanceTo(OrderStatus.CLOSED, now);
  }

  /** Ends the order cancelled; false if it was cancelled before. */
  boolean cancel(CancellationReason reason, Instant now) {
    if (status == OrderStatus.CANCELLED) {
      return false;
    }
    if (status == OrderStatus.CLOSED) {
      throw new OrderStatusConflictException(orderId, status, "A closed order cannot be cancelled.");
    }
    status = OrderStatus.CANCELLED;
    cancellationReason = reason.name();
    updatedAt = now;
    return true;
  }

  boolean sameRequestAs(String otherProductId, int otherQuantity) {
    return productId.equals(otherProductId) && quantity == otherQuantity;
  }

  public UUID orderId() {
    return orderId;
  }

  public String customerId() {
    return customerId;
  }

  public String productId() {
    return productId;
  }

  public int quantity() {
    return quantity;
  }

  public BigDecimal unitPrice() {
    return unitPrice;
  }

  public BigDecimal amount() {
    return amount;
  }

  public OrderStatus status() {
    return status;
  }

  public String cancellationReason() {
    return cancellationReason;
  }

  public Instant receiptConfirmedAt() {
    return receiptConfirmedAt;
  }

  public Instant placedAt() {
    return placedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
