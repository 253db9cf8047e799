package io.sagashop.payment.contract;

import io.sagashop.events.contract.EventType;

/**
 * The events payment-service publishes on {@code payment.events}, keyed by the orderId; each
 * carries the payment as its API answers it ({@link PaymentView}). The names are also the saga's
 * message names where the saga waits for them.
 */
public enum PaymentEventType implements EventType {
  /** The customer can now pay by bank transfer: account, amount and reference in the payment. */
  PayPlaced,
  /** The seller confirmed that the deposit arrived. */
  PayChecked,
  /** The payment was voided, or refunded if the deposit had arrived (its status says which). */
  PayCanceled
}
