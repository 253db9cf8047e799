package io.sagashop.orchestrator.ordering;

import static io.sagashop.orchestrator.saga.SagaVariables.cancellationReason;

import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import io.sagashop.order.contract.CancellationReason;
import io.sagashop.order.contract.CancellationRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Mark order cancelled", with the reason the path into it set. */
@Component("markOrderCancelled")
class MarkOrderCancelled extends SagaStep {

  private final OrderClient orders;

  MarkOrderCancelled(StartedOrders startedOrders, OrderClient orders) {
    super(startedOrders);
    this.orders = orders;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    orders.markCancelled(order.orderId(), new CancellationRecord(CancellationReason.valueOf(cancellationReason(execution))));
  }
}
