package io.sagashop.orchestrator;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaVariables;
import io.sagashop.orchestrator.saga.StartedOrders;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** A step's execution with the saga's variables of one order, for a step tested without the engine. */
public final class SagaExecutions {

  /** The facts of the order each execution below was made for, as the saga stored them at its start. */
  public static final StartedOrders STARTED_ORDERS = execution -> new OrderFacts(
      UUID.fromString(execution.getProcessBusinessKey()),
      (String) execution.getVariable(SagaVariables.PRODUCT_ID),
      (Integer) execution.getVariable(SagaVariables.QUANTITY),
      new BigDecimal((String) execution.getVariable(SagaVariables.AMOUNT)));

  private SagaExecutions() {}

  public static DelegateExecution of(String activity, UUID orderId, String productId, int quantity, String amount) {
    DelegateExecution execution = mock(DelegateExecution.class);
    Map<String, Object> variables = Map.of(
        SagaVariables.ORDER_ID, orderId.toString(),
        SagaVariables.PRODUCT_ID, productId,
        SagaVariables.QUANTITY, quantity,
        SagaVariables.AMOUNT, amount);
    variables.forEach((name, value) -> lenient().when(execution.getVariable(name)).thenReturn(value));
    lenient().when(execution.getCurrentActivityName()).thenReturn(activity);
    lenient().when(execution.getBusinessKey()).thenReturn(orderId.toString());
    lenient().when(execution.getProcessBusinessKey()).thenReturn(orderId.toString());
    return execution;
  }
}
