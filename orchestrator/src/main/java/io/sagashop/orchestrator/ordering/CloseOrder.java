package io.sagashop.orchestrator.ordering;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import io.sagashop.orchestrator.saga.SagaStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Close order": the customer has the goods (or is assumed to have them). */
@Component("closeOrder")
class CloseOrder extends SagaStep {

  private final OrderClient orders;

  CloseOrder(OrderClient orders) {
    this.orders = orders;
  }

  @Override
  protected void run(DelegateExecution execution) {
    orders.close(orderId(execution));
  }
}
