package io.sagashop.orchestrator.contract;

/**
 * What order-service asks the saga, synchronously, so that a customer gets an immediate answer
 * decided by the saga's state, never by a view that may be a moment behind.
 */
public final class SagaApi {

  /**
   * {@code POST} a {@link CancellationRequest}: 202 {@link CancellationAnswer} taken, 200 cancelled
   * before, 409 {@link SagaProblems#CANCELLATION_REFUSED}.
   */
  public static final String CANCELLATION = "/saga/orders/{orderId}/cancellation";

  /** {@code POST}: 202 {@link ReceiptAnswer} taken, 409 {@link SagaProblems#RECEIPT_REFUSED} with the reason. */
  public static final String RECEIPT = "/saga/orders/{orderId}/receipt";

  private SagaApi() {}
}
