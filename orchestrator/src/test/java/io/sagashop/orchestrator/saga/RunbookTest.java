package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/**
 * The runbook (docs/runbook.md) tells the operator what every incident means: each step that runs as a job
 * (and so can end in an incident) has its row, and each compensation that runs inside such a job
 * has its message there.
 */
class RunbookTest {

  private static final String RUNBOOK_HEADING = "## When something fails: the runbook";

  @Test
  void shouldHaveARowForEveryStepThatCanRaiseAnIncident() throws IOException {
    BpmnModelInstance saga = saga();
    String runbook = runbook();

    List<String> jobs =
        saga.getModelElementsByType(FlowNode.class).stream()
            .filter(RunbookTest::runsAsJob)
            .map(FlowNode::getName)
            .toList();
    assertThat(jobs).isNotEmpty();
    assertThat(jobs).allSatisfy(step -> assertThat(runbook).as("runbook row for %s", step).contains("\n| " + step + " |"));

    List<String> compensations =
        saga.getModelElementsByType(Activity.class).stream()
            .filter(Activity::isForCompensation)
            .map(Activity::getName)
            .toList();
    assertThat(compensations).isNotEmpty();
    assertThat(compensations).allSatisfy(handler ->
        assertThat(runbook).as("runbook message of %s", handler).contains("`" + handler + " failed for order <id>: "));
  }

  /** Read as attributes: the typed getters throw for node types (gateways) that do not support them. */
  private static boolean runsAsJob(FlowNode node) {
    return "true".equals(node.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "asyncBefore"))
        || "true".equals(node.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "asyncAfter"));
  }

  private static BpmnModelInstance saga() throws IOException {
    try (InputStream bpmn = RunbookTest.class.getResourceAsStream("/bpmn/order-saga.bpmn")) {
      return Bpmn.readModelFromStream(bpmn);
    }
  }

  private static String runbook() throws IOException {
    // the tests run in the module's directory; the runbook is the project's
    Path readme = Path.of("..", "docs", "runbook.md");
    String text = Files.readString(readme);
    int start = text.indexOf(RUNBOOK_HEADING);
    assertThat(start).as("the runbook section in %s", readme.toAbsolutePath()).isNotNegative();
    int end = text.indexOf("\n## ", start + RUNBOOK_HEADING.length());
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
