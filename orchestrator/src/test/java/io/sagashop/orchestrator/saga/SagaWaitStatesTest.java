package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/** The states an open saga is counted in (sagashop_sagas_waiting) are where the model waits, each once. */
class SagaWaitStatesTest {

  @Test
  void shouldCountTheSellersTaskAndEachWaitingGatewayOnce() {
    assertThat(SagaMetrics.waitStates()).extracting(FlowNode::getId).containsExactlyInAnyOrder(
        "Task_ConfirmDeposit", "Gateway_AwaitDelivery", "Gateway_AwaitDeliveryCancellation", "Gateway_AwaitReceipt");
    assertThat(SagaMetrics.waitStates()).extracting(FlowNode::getName)
        .contains("Confirm deposit", "Delivery started in time?", "Receipt confirmed in time?");
  }
}
