package io.sagashop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/** The shop's own process model, {@code bpmn/order-saga.bpmn}, as modelled or without its asynchronous continuations. */
final class SagaModel {

  static final String PROCESS = "order-saga";
  static final String RESOURCE = "order-saga.bpmn";

  private SagaModel() {}

  static BpmnModelInstance asModelled(Path projectRoot) {
    try (InputStream bpmn = Files.newInputStream(projectRoot.resolve("bpmn").resolve(RESOURCE))) {
      return Bpmn.readModelFromStream(bpmn);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the process model under " + projectRoot.resolve("bpmn") + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every step run in the transaction that reached it: what the asynchronous continuations (one
   * job and one transaction per step, each retried on its own) cost is the difference.
   */
  static BpmnModelInstance withoutAsyncContinuations(Path projectRoot) {
    BpmnModelInstance model = asModelled(projectRoot);
    model.getModelElementsByType(FlowNode.class).forEach(node -> node.setCamundaAsyncBefore(false));
    return model;
  }

  static long asyncContinuations(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowNode.class).stream().filter(FlowNode::isCamundaAsyncBefore).count();
  }
}
