package io.sagashop.orchestrator.saga;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Where a step finds the facts of its saga's order ({@link StartedOrderTable} in the engine). */
@FunctionalInterface
public interface StartedOrders {

  /**
   * The facts of the order whose saga this execution belongs to.
   *
   * @throws OrderFactChangedException if a process variable no longer says what the saga started with
   */
  OrderFacts factsOf(DelegateExecution execution);
}
