package io.sagashop.payment.transfer;

import io.sagashop.platform.events.EventType;

/** The events payment-service publishes on {@code payment.events}. */
enum PaymentEventType implements EventType {
  /** The customer can now pay by bank transfer (account, amount, reference in the data). */
  PayPlaced("AWAITING_DEPOSIT"),
  /** The seller confirmed that the deposit arrived. */
  PayChecked("DEPOSIT_CONFIRMED"),
  /** The payment was voided, or refunded if the deposit had arrived. */
  PayCanceled(null);

  private final String orderStatus;

  PaymentEventType(String orderStatus) {
    this.orderStatus = orderStatus;
  }

  @Override
  public String orderStatus() {
    return orderStatus;
  }
}
