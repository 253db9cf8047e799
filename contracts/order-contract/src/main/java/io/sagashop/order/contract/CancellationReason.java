package io.sagashop.order.contract;

/**
 * Why an order ended cancelled: set by the saga on the path that cancels it (in the BPMN and by a
 * customer's cancellation), recorded by order-service, shown to the customer.
 */
public enum CancellationReason {
  /** The customer cancelled before the deposit was confirmed. */
  CUSTOMER_REQUEST,
  /** No deposit arrived before the deadline. */
  DEPOSIT_DEADLINE,
  /** Too few goods after the deposit was confirmed; the payment was refunded. */
  OUT_OF_STOCK,
  /** The delivery did not start in time; the goods went back to stock and the payment was refunded. */
  DELIVERY_DEADLINE
}
