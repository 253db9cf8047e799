package io.sagashop.payment.transfer;

import io.sagashop.payment.contract.PaymentEventType;
import io.sagashop.platform.events.EventType;

/**
 * payment-service's events, named by its contract, with the order status each brings the order
 * to (what the customer's page shows; the contract names only the events).
 */
final class PaymentEvents {

  private PaymentEvents() {}

  static EventType of(PaymentEventType type) {
    return EventType.of(type, switch (type) {
      case PayPlaced -> "AWAITING_DEPOSIT";
      case PayChecked -> "DEPOSIT_CONFIRMED";
      case PayCanceled -> null;
    });
  }
}
