package io.sagashop.orchestrator.payment;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import io.sagashop.orchestrator.saga.SagaStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Record deposit": the seller confirmed the money; from here on the order cannot be cancelled. */
@Component("recordDeposit")
class RecordDeposit extends SagaStep {

  private final PaymentClient payments;

  RecordDeposit(PaymentClient payments) {
    this.payments = payments;
  }

  @Override
  protected void run(DelegateExecution execution) {
    payments.check(orderId(execution));
  }
}
