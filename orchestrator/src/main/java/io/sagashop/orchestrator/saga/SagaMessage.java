package io.sagashop.orchestrator.saga;

/**
 * The messages the order saga waits for. Each name is at once the BPMN message name and the type of
 * the event (or request) that delivers it, so the process, the code and Kafka speak alike.
 */
public enum SagaMessage {
  /** order-service's event; starts the saga. */
  OrderPlaced,
  /** The customer's cancellation, accepted only while the payment window is open. */
  CancellationRequested,
  /** delivery-service's event: the goods left, in time or after the delivery deadline. */
  DeliveryStarted,
  /** delivery-service's answer to CancelDelivery when nothing had shipped. */
  DeliveryCancelled,
  /** order-service's event when the customer has the goods. */
  ReceiptConfirmed
}
