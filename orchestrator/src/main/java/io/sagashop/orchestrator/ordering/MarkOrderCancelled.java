package io.sagashop.orchestrator.ordering;

import static io.sagashop.orchestrator.saga.SagaVariables.cancellationReason;
import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark order cancelled", with the reason the path into it set. */
@Component("markOrderCancelled")
class MarkOrderCancelled implements JavaDelegate {

  private final OrderClient orders;

  MarkOrderCancelled(OrderClient orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.markCancelled(orderId(execution), new OrderClient.CancellationRecord(cancellationReason(execution)));
  }
}
