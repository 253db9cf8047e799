package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The coverage gate of a process test class: after its last test, every flow node and sequence
 * flow of the model must have been passed ({@link ProcessCoverage} records them on the test's
 * engine). The one exception is the compensation boundary event: it only links a step to its
 * compensation handler, no token ever passes it, so no test can cover it (its handler's coverage
 * is what counts, and is required).
 */
final class FullProcessCoverage implements BeforeAllCallback, AfterAllCallback {

  private final String bpmnResource;

  FullProcessCoverage(String bpmnResource) {
    this.bpmnResource = bpmnResource;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ProcessCoverage.forget();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    Set<String> required = requiredElements();
    Set<String> covered = ProcessCoverage.passed();

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
}
