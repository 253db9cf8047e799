package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The coverage gate of a process test class: after camunda-process-test-coverage has written its
 * report, every flow node and sequence flow of the model must appear in it. The one exception is
 * the compensation boundary event: it only links a step to its compensation handler, no token ever
 * passes it, so no test can cover it (its handler's coverage is what counts, and is required).
 * Register it before the coverage extension so that it runs after it.
 */
final class FullProcessCoverage implements AfterAllCallback {

  private final String bpmnResource;

  FullProcessCoverage(String bpmnResource) {
    this.bpmnResource = bpmnResource;
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    Set<String> required = requiredElements();
    Set<String> covered = coveredElements(context.getRequiredTestClass().getName());

    Set<String> missing = new TreeSet<>(required);
    missing.removeAll(covered);
    assertThat(missing).as("elements of %s no test passes", bpmnResource).isEmpty();
  }

  private Set<String> requiredElements() throws IOException {
    try (InputStream bpmn = getClass().getClassLoader().getResourceAsStream(bpmnResource)) {
      BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
      Set<String> elements = new HashSet<>();
      model.getModelElementsByType(FlowNode.class).stream()
          .filter(node -> !isCompensationBoundary(node))
          .forEach(node -> elements.add(node.getId()));
      model.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
      return elements;
    }
  }

  private static boolean isCompensationBoundary(FlowNode node) {
    return node instanceof BoundaryEvent boundary
        && boundary.getEventDefinitions().stream().anyMatch(CompensateEventDefinition.class::isInstance);
  }

  private static Set<String> coveredElements(String testClass) throws IOException {
    JsonNode report =
        new ObjectMapper().readTree(Path.of("target", "process-test-coverage", testClass, "report.json").toFile());
    Set<String> covered = new HashSet<>();
    report.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events")
        .forEach(event -> covered.add(event.path("definitionKey").asText()))));
    return covered;
  }
}
