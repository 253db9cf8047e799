package io.sagashop.orchestrator.saga;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The saga's process variables: only ids and what the steps and the seller's form need, all
 * small and typed. The order itself stays in order-service. The copies of the order's facts
 * (orderId, productId, quantity, amount) are for Cockpit, the seller's form and the gateways; the
 * steps read the facts the saga stored ({@link StartedOrders}).
 */
public final class SagaVariables {

  public static final String ORDER_ID = "orderId";
  public static final String PRODUCT_ID = "productId";
  public static final String PRODUCT_NAME = "productName";
  public static final String QUANTITY = "quantity";
  /** The amount to pay, as a plain decimal string ("25.00"): exact, and readable in Cockpit. */
  public static final String AMOUNT = "amount";
  public static final String TRANSFER_REFERENCE = "transferReference";
  public static final String CANCELLATION_REASON = "cancellationReason";
  /**
   * The trace the saga's steps belong to (W3C traceparent of the span that started it): a job runs
   * later, on the engine's thread, where no header reaches.
   */
  public static final String TRACEPARENT = "traceparent";
  /** The same trace's id alone, for the operator: Cockpit shows it, Zipkin finds the trace by it. */
  public static final String TRACE_ID = "traceId";

  private SagaVariables() {}

  /** The saga's trace id, or null for a saga started while tracing was off. */
  public static String traceId(VariableScope scope) {
    return (String) scope.getVariable(TRACE_ID);
  }

  public static String cancellationReason(VariableScope scope) {
    return (String) scope.getVariable(CANCELLATION_REASON);
  }
}
