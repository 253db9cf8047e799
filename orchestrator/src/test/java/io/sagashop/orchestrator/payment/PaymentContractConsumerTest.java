package io.sagashop.orchestrator.payment;

import static io.sagashop.testsupport.ContractExamples.example;
import static org.mockito.Mockito.verify;

import io.sagashop.orchestrator.ContractClients;
import io.sagashop.orchestrator.SagaExecutions;
import io.sagashop.orchestrator.saga.SagaVariables;
import io.sagashop.payment.contract.PaymentRequest;
import io.sagashop.payment.contract.PaymentView;
import io.sagashop.testsupport.HttpStub;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** "Request bank transfer" against payment-service's contract: the contract's request out, its payment in. */
class PaymentContractConsumerTest {

  private final UUID orderId = UUID.randomUUID();
  private final String path = "/payments/" + orderId;
  private final HttpStub payment = HttpStub.start();
  private final RequestBankTransfer requestBankTransfer = new RequestBankTransfer(SagaExecutions.STARTED_ORDERS, ContractClients.client(PaymentClient.class, payment.url()));
  private final DelegateExecution execution = SagaExecutions.of("Request bank transfer", orderId, "tea-rooibos", 2, "25.80");

  @AfterEach
  void stop() {
    payment.close();
  }

  @Test
  void sendsTheContractsRequestAndKeepsTheTransferReferenceOfItsPayment() throws Exception {
    payment.answer("PUT", path, 201, example(PaymentView.class, "payment.json"));

    requestBankTransfer.execute(execution);

    JSONAssert.assertEquals(example(PaymentRequest.class, "payment-request.json"), payment.body("PUT", path), JSONCompareMode.STRICT);
    verify(execution).setVariable(SagaVariables.TRANSFER_REFERENCE, "SAGA-K7QXM4R2TB");
  }
}
