package io.sagashop.orchestrator.saga;

import java.math.BigDecimal;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The saga's process variables: only ids and what the steps and the seller's form need, all
 * small and typed. The order itself stays in order-service.
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

  private SagaVariables() {}

  public static UUID orderId(VariableScope scope) {
    return UUID.fromString((String) scope.getVariable(ORDER_ID));
  }

  public static String productId(VariableScope scope) {
    return (String) scope.getVariable(PRODUCT_ID);
  }

  public static int quantity(VariableScope scope) {
    return (Integer) scope.getVariable(QUANTITY);
  }

  public static BigDecimal amount(VariableScope scope) {
    return new BigDecimal((String) scope.getVariable(AMOUNT));
  }

  public static String cancellationReason(VariableScope scope) {
    return (String) scope.getVariable(CANCELLATION_REASON);
  }
}
