package io.sagashop.orchestrator.ordering;


import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Close order": the customer has the goods (or is assumed to have them). */
@Component("closeOrder")
class CloseOrder extends SagaStep {

  private final OrderClient orders;

  CloseOrder(StartedOrders startedOrders, OrderClient orders) {
    super(startedOrders);
    this.orders = orders;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    orders.close(order.orderId());
  }
}
