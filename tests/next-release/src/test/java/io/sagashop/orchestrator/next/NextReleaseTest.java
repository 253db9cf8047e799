package io.sagashop.orchestrator.next;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.junit.jupiter.api.Test;

/**
 * The next release is today's saga and the drill's changes, no more: when today's saga changes, the
 * drill must roll out from it, not from the release this copy was made of.
 */
class NextReleaseTest {

  private static final Path TODAY = Path.of("..", "..", "bpmn", "order-saga.bpmn");

  @Test
  void shouldBeTodaysSagaWithAStepBeforeDeliveryALongerReceiptDeadlineAndTheNewDeliveryCommand() throws IOException {
    BpmnModelInstance today;
    try (InputStream in = Files.newInputStream(TODAY)) {
      today = Bpmn.readModelFromStream(in);
    }
    BpmnModelInstance next;
    try (InputStream in = NextReleaseTest.class.getResourceAsStream("/bpmn/order-saga.bpmn")) {
      next = Bpmn.readModelFromStream(in);
    }

    Set<String> added = new HashSet<>(ids(next));
    added.removeAll(ids(today));
    Set<String> removed = new HashSet<>(ids(today));
    removed.removeAll(ids(next));
    assertThat(removed).as("elements of today's saga (%s) missing from the next release: redo it from today's", TODAY).isEmpty();
    assertThat(added).as("what the next release adds").containsExactlyInAnyOrder("Task_CheckDeliveryAddress", "Flow_CheckedToRequestDelivery");
    assertThat(next.<ServiceTask>getModelElementById("Task_CheckDeliveryAddress").getCamundaDelegateExpression()).isEqualTo("${checkDeliveryAddress}");
    assertThat(next.getModelElementById("Task_RequestDelivery").getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression"))
        .isEqualTo("${requestDeliveryOfCheckedAddress}");
    assertThat(next.getModelElementsByType(TimeDuration.class).stream().map(TimeDuration::getTextContent).collect(Collectors.toSet()))
        .as("the deadlines: today's, but the receipt's")
        .contains("P21D")
        .doesNotContain("${sagaTimers.receiptDeadline}");
  }

  private static Set<String> ids(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId).collect(Collectors.toSet());
  }
}
