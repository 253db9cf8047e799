package io.sagashop.payment.contract;

/** Where a bank-transfer payment stands. */
public enum PaymentStatus {
  /** The customer was told where to transfer the money; the deposit is awaited. */
  PLACED,
  /** The seller confirmed that the deposit arrived. */
  CHECKED,
  /** Voided before any money arrived. */
  CANCELED,
  /** The deposit was paid back. */
  REFUNDED
}
