package io.sagashop.orchestrator.ordering;

import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import io.sagashop.order.contract.CancellationRecord;
import io.sagashop.orchestrator.ContractClients;
import io.sagashop.orchestrator.SagaExecutions;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.SagaVariables;
import io.sagashop.testsupport.HttpStub;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** "Mark order cancelled" sends order-service's cancellation record, as its contract's example has it. */
class OrderStepsContractConsumerTest {

  private final UUID orderId = UUID.randomUUID();
  private final String path = "/internal/orders/" + orderId + "/cancellation";
  private final HttpStub orders = HttpStub.start();
  private final MarkOrderCancelled markOrderCancelled = new MarkOrderCancelled(SagaExecutions.STARTED_ORDERS, ContractClients.client(OrderClient.class, orders.url()));
  private final DelegateExecution execution = SagaExecutions.of("Mark order cancelled", orderId, "tea-rooibos", 2, "25.80");

  @AfterEach
  void stop() {
    orders.close();
  }

  @Test
  void sendsTheReasonThePathSet() throws Exception {
    when(execution.getVariable(SagaVariables.CANCELLATION_REASON)).thenReturn("DEPOSIT_DEADLINE");
    orders.answer("POST", path, 200, "{}");

    markOrderCancelled.execute(execution);

    JSONAssert.assertEquals(example(CancellationRecord.class, "cancellation-record.json"), orders.body("POST", path), JSONCompareMode.STRICT);
  }

  @Test
  void aReasonOutsideTheContractIsAnIncidentNotACall() {
    when(execution.getVariable(SagaVariables.CANCELLATION_REASON)).thenReturn("DEPOSIT_DEADLNE");

    assertThatThrownBy(() -> markOrderCancelled.execute(execution))
        .isInstanceOf(SagaStep.SagaStepFailedException.class)
        .hasMessageContaining("Mark order cancelled failed for order " + orderId)
        .hasMessageContaining("DEPOSIT_DEADLNE");
  }
}
