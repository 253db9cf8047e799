package io.sagashop.payment.transfer;

import io.sagashop.payment.contract.PaymentStatus;
import io.sagashop.payment.contract.PaymentView;
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

/** The one bank-transfer payment of an order ("deposit without bankbook"). */
@Entity
@Table(name = "payment")
public class Payment {

  @Id
  @Column(name = "order_id")
  private UUID orderId;

  private BigDecimal amount;

  @Column(name = "bank_account")
  private String bankAccount;

  @Column(name = "transfer_reference")
  private String transferReference;

  @Enumerated(EnumType.STRING)
  private PaymentStatus status;

  @Column(name = "placed_at")
  private Instant placedAt;

  @Column(name = "checked_at")
  private Instant checkedAt;

  @Column(name = "canceled_at")
  private Instant canceledAt;

  @Version private long version;

  protected Payment() {}

  Payment(UUID orderId, BigDecimal amount, String bankAccount, String transferReference, Instant placedAt) {
    this.orderId = orderId;
    this.amount = amount;
    this.bankAccount = bankAccount;
    this.transferReference = transferReference;
    this.status = PaymentStatus.PLACED;
    this.placedAt = placedAt;
  }

  /** Records that the deposit arrived; false if it was recorded before. */
  boolean confirmDeposit(Instant at) {
    if (status == PaymentStatus.CHECKED) {
      return false;
    }
    if (status != PaymentStatus.PLACED) {
      throw new PaymentClosedException(orderId, status);
    }
    status = PaymentStatus.CHECKED;
    checkedAt = at;
    return true;
  }

  /** Voids the payment, or refunds it if the deposit arrived; false if that happened before. */
  boolean cancel(Instant at) {
    switch (status) {
      case PLACED -> status = PaymentStatus.CANCELED;
      case CHECKED -> status = PaymentStatus.REFUNDED;
      default -> {
        return false;
      }
    }
    canceledAt = at;
    return true;
  }

  public UUID orderId() {
    return orderId;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String bankAccount() {
    return bankAccount;
  }

  public String transferReference() {
    return transferReference;
  }

  public PaymentStatus status() {
    return status;
  }

  public Instant placedAt() {
    return placedAt;
  }

  public Instant checkedAt() {
    return checkedAt;
  }

  public Instant canceledAt() {
    return canceledAt;
  }

  /** The payment as the API answers it and the events carry it. */
  public PaymentView view() {
    return new PaymentView(orderId, amount, bankAccount, transferReference, status, placedAt, checkedAt, canceledAt);
  }
}
