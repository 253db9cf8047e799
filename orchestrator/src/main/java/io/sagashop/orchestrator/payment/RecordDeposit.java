package io.sagashop.orchestrator.payment;


import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Record deposit": the seller confirmed the money; from here on the order cannot be cancelled. */
@Component("recordDeposit")
class RecordDeposit extends SagaStep {

  private final PaymentClient payments;

  RecordDeposit(StartedOrders orders, PaymentClient payments) {
    super(orders);
    this.payments = payments;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    payments.check(order.orderId());
  }
}
