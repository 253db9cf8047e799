package io.sagashop.orchestrator.migration;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** A next version of the saga as a release might change it: a step added before delivery, a longer receipt deadline. */
final class NextSaga {

  static final String NEW_STEP = "Task_CheckDeliveryAddress";
  static final String NEW_STEP_BEAN = "checkDeliveryAddress";
  static final String LONGER_RECEIPT_DEADLINE = "P21D";

  private NextSaga() {}

  /** The next version: "Check delivery address" after the stock is decreased, before delivery is asked for. */
  static BpmnModelInstance withStepBeforeDelivery(BpmnModelInstance model) {
    SequenceFlow toDelivery = model.getModelElementById("Flow_ToRequestDelivery");
    FlowNode requestDelivery = toDelivery.getTarget();
    ServiceTask check = model.newInstance(ServiceTask.class);
    check.setId(NEW_STEP);
    check.setName("Check delivery address");
    check.setCamundaAsyncBefore(true);
    check.setCamundaDelegateExpression("${" + NEW_STEP_BEAN + "}");
    toDelivery.getParentElement().addChildElement(check);
    SequenceFlow onward = model.newInstance(SequenceFlow.class);
    onward.setId("Flow_CheckedToRequestDelivery");
    toDelivery.getParentElement().addChildElement(onward);
    onward.setSource(check);
    onward.setTarget(requestDelivery);
    toDelivery.setTarget(check);
    check.getIncoming().add(toDelivery);
    check.getOutgoing().add(onward);
    requestDelivery.getIncoming().remove(toDelivery);
    requestDelivery.getIncoming().add(onward);
    return model;
  }

  static BpmnModelInstance withLongerReceiptDeadline(BpmnModelInstance model) {
    FlowNode deadline = model.getModelElementById("Event_ReceiptDeadline");
    model.getModelElementsByType(TimeDuration.class).stream()
        .filter(duration -> isInside(duration, deadline))
        .forEach(duration -> duration.setTextContent(LONGER_RECEIPT_DEADLINE));
    return model;
  }

  private static boolean isInside(ModelElementInstance element, ModelElementInstance parent) {
    for (var at = element.getParentElement(); at != null; at = at.getParentElement()) {
      if (at.equals(parent)) {
        return true;
      }
    }
    return false;
  }
}
