package io.sagashop.orchestrator.payment;

import static io.sagashop.orchestrator.saga.SagaVariables.TRANSFER_REFERENCE;

import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import io.sagashop.payment.contract.PaymentRequest;
import io.sagashop.payment.contract.PaymentView;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Request bank transfer": opens the order's payment; the seller's form shows its transfer reference. */
@Component("requestBankTransfer")
class RequestBankTransfer extends SagaStep {

  private final PaymentClient payments;

  RequestBankTransfer(StartedOrders orders, PaymentClient payments) {
    super(orders);
    this.payments = payments;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    PaymentView payment = payments.place(order.orderId(), new PaymentRequest(order.amount()));
    execution.setVariable(TRANSFER_REFERENCE, payment.transferReference());
  }
}
