package io.sagashop.orchestrator.ordering;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close order": the customer has the goods (or is assumed to have them). */
@Component("closeOrder")
class CloseOrder implements JavaDelegate {

  private final OrderClient orders;

  CloseOrder(OrderClient orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.close(orderId(execution));
  }
}
