package io.sagashop.orchestrator.saga;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The start listener of every wait state that catches messages ({@code ${inboxDelivery}} on the
 * event-based gateways): when the inbox holds a message the saga now waits for, it is delivered
 * right after the engine has committed the wait state (before the commit there is nothing to
 * correlate with). Should that delivery not happen (the node dies in between), the sweeper
 * delivers it.
 */
@Component("inboxDelivery")
class InboxDelivery implements ExecutionListener, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(InboxDelivery.class);

  private final SagaInbox inbox;
  /**
   * Threads of its own, not a bean: an Executor bean would replace the application's task executor,
   * whose single thread keeps the outbox's sends in commit order.
   */
  private final ExecutorService deliveries = Executors.newFixedThreadPool(2, new CustomizableThreadFactory("inbox-delivery-"));

  InboxDelivery(SagaInbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public void destroy() throws InterruptedException {
    deliveries.shutdown();
    deliveries.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Override
  public void notify(DelegateExecution execution) {
    UUID orderId = UUID.fromString(execution.getProcessBusinessKey());
    List<SagaMessage> awaited = awaitedAfter((FlowNode) execution.getBpmnModelElementInstance());
    if (awaited.isEmpty() || !inbox.hasPending(orderId, awaited)) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        deliveries.execute(() -> deliver(orderId, awaited));
      }
    });
  }

  private void deliver(UUID orderId, List<SagaMessage> awaited) {
    try {
      inbox.deliverPending(orderId, awaited);
    } catch (RuntimeException e) {
      log.warn("Could not deliver the pending {} of order {} yet; the sweeper tries again: {}", awaited, orderId, e.toString());
    }
  }

  /** The messages of the catch events that follow this node (an event-based gateway's choices). */
  static List<SagaMessage> awaitedAfter(FlowNode node) {
    return node.getOutgoing().stream()
        .map(SequenceFlow::getTarget)
        .filter(IntermediateCatchEvent.class::isInstance)
        .flatMap(event -> ((IntermediateCatchEvent) event).getEventDefinitions().stream())
        .filter(MessageEventDefinition.class::isInstance)
        .map(definition -> SagaMessage.valueOf(((MessageEventDefinition) definition).getMessage().getName()))
        .toList();
  }
}
