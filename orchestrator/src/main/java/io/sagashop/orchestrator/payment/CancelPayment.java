package io.sagashop.orchestrator.payment;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Cancel payment", the compensation of "Request bank transfer": voids the payment, or refunds it. */
@Component("cancelPayment")
class CancelPayment implements JavaDelegate {

  private final PaymentClient payments;

  CancelPayment(PaymentClient payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    payments.cancel(orderId(execution));
  }
}
