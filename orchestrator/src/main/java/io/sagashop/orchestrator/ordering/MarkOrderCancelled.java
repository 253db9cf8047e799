package io.sagashop.orchestrator.ordering;

import static io.sagashop.orchestrator.saga.SagaVariables.cancellationReason;
import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.order.contract.CancellationReason;
import io.sagashop.order.contract.CancellationRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Mark order cancelled", with the reason the path into it set. */
@Component("markOrderCancelled")
class MarkOrderCancelled extends SagaStep {

  private final OrderClient orders;

  MarkOrderCancelled(OrderClient orders) {
    this.orders = orders;
  }

  @Override
  protected void run(DelegateExecution execution) {
    orders.markCancelled(orderId(execution), new CancellationRecord(CancellationReason.valueOf(cancellationReason(execution))));
  }
}
