package io.sagashop.orchestrator.payment;

import static io.sagashop.orchestrator.saga.SagaVariables.TRANSFER_REFERENCE;
import static io.sagashop.orchestrator.saga.SagaVariables.amount;
import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.payment.contract.PaymentRequest;
import io.sagashop.payment.contract.PaymentView;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Request bank transfer": opens the order's payment; the seller's form shows its transfer reference. */
@Component("requestBankTransfer")
class RequestBankTransfer extends SagaStep {

  private final PaymentClient payments;

  RequestBankTransfer(PaymentClient payments) {
    this.payments = payments;
  }

  @Override
  protected void run(DelegateExecution execution) {
    PaymentView payment = payments.place(orderId(execution), new PaymentRequest(amount(execution)));
    execution.setVariable(TRANSFER_REFERENCE, payment.transferReference());
  }
}
