package io.sagashop.orchestrator.payment;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import io.sagashop.orchestrator.saga.SagaStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Cancel payment", the compensation of "Request bank transfer": voids the payment, or refunds it. */
@Component("cancelPayment")
class CancelPayment extends SagaStep {

  private final PaymentClient payments;

  CancelPayment(PaymentClient payments) {
    this.payments = payments;
  }

  @Override
  protected void run(DelegateExecution execution) {
    payments.cancel(orderId(execution));
  }
}
