package io.sagashop.orchestrator.payment;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record deposit": the seller confirmed the money; from here on the order cannot be cancelled. */
@Component("recordDeposit")
class RecordDeposit implements JavaDelegate {

  private final PaymentClient payments;

  RecordDeposit(PaymentClient payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    payments.check(orderId(execution));
  }
}
