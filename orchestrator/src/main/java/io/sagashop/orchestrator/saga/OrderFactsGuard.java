package io.sagashop.orchestrator.saga;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of the seller's task ({@code ${orderFactsGuard}}). Completing a task may
 * write any process variable, and the later steps read the order's product, quantity and amount
 * from the variables: a seller who sent {@code quantity: 1} with an order of 2 decreased the stock
 * by 1. Here a completion that changes a fact of the order is refused (the engine REST API answers
 * 500 with this message, Tasklist shows it, and nothing is completed); one that resends them unchanged (a form
 * submitting its read-only fields, perhaps as another number type) keeps the facts as the saga
 * started with them.
 */
@Component("orderFactsGuard")
class OrderFactsGuard implements TaskListener {

  private final StartedOrderTable startedOrders;

  OrderFactsGuard(StartedOrderTable startedOrders) {
    this.startedOrders = startedOrders;
  }

  @Override
  public void notify(DelegateTask task) {
    UUID orderId = UUID.fromString(task.getExecution().getProcessBusinessKey());
    OrderFacts facts = startedOrders.stored(orderId).orElse(null);
    if (facts == null) {
      return;
    }
    requireUnchanged(task, SagaVariables.ORDER_ID, orderId.toString(), Objects.equals(task.getVariable(SagaVariables.ORDER_ID), orderId.toString()));
    requireUnchanged(task, SagaVariables.PRODUCT_ID, facts.productId(), facts.productId().equals(task.getVariable(SagaVariables.PRODUCT_ID)));
    requireUnchanged(task, SagaVariables.QUANTITY, facts.quantity(), SameValue.number(task.getVariable(SagaVariables.QUANTITY), BigDecimal.valueOf(facts.quantity())));
    requireUnchanged(task, SagaVariables.AMOUNT, facts.amount().toPlainString(), SameValue.number(task.getVariable(SagaVariables.AMOUNT), facts.amount()));
    // Resent unchanged, perhaps as a Long or a Double: back to the saga's own types.
    task.getExecution().setVariable(SagaVariables.QUANTITY, facts.quantity());
    task.getExecution().setVariable(SagaVariables.AMOUNT, facts.amount().setScale(2).toPlainString());
  }

  private static void requireUnchanged(DelegateTask task, String name, Object fact, boolean unchanged) {
    if (!unchanged) {
      throw new ProcessEngineException(task.getName() + " cannot change the order's " + name + " (it is " + fact
          + ", the completion gave " + task.getVariable(name) + "). Complete the task without changing the order.");
    }
  }
}
