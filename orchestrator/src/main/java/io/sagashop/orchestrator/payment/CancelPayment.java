package io.sagashop.orchestrator.payment;


import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Cancel payment", the compensation of "Request bank transfer": voids the payment, or refunds it. */
@Component("cancelPayment")
class CancelPayment extends SagaStep {

  private final PaymentClient payments;

  CancelPayment(StartedOrders orders, PaymentClient payments) {
    super(orders);
    this.payments = payments;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    payments.cancel(order.orderId());
  }
}
