package io.sagashop.orchestrator.receipt;

import static io.sagashop.orchestrator.saga.SagaVariables.CANCELLATION_REASON;

import feign.FeignException;
import io.sagashop.orchestrator.saga.SagaMessage;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.platform.web.DependencyUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Whether a customer may confirm receipt now, decided from the saga, the one source of truth for
 * what an order may do: yes once its delivery has started, even when the saga has not read
 * DeliveryStarted yet (delivery-service is asked then), so that a customer who sees IN_DELIVERY
 * can always confirm. The ReceiptConfirmed that follows waits in the saga's inbox if it is early.
 * After the delivery deadline the saga asks delivery-service to cancel; until it knows the answer,
 * delivery-service is asked too: goods that left after all are on their way to receipt.
 */
@Service
public class SagaReceipt {

  /** The two catch events of DeliveryStarted: in time, and after the delivery deadline. */
  private static final List<String> DELIVERY_STARTED_EVENTS = List.of("Event_DeliveryStarted", "Event_DeliveryStartedLate");
  private static final String DELIVERY_DEADLINE_EVENT = "Event_DeliveryDeadline";
  private static final Logger log = LoggerFactory.getLogger(SagaReceipt.class);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final DeliveryClient deliveries;

  SagaReceipt(RuntimeService runtime, HistoryService history, DeliveryClient deliveries) {
    this.runtime = runtime;
    this.history = history;
    this.deliveries = deliveries;
  }

  /** Taken, or refused with the reason a customer can read. */
  public record Decision(boolean accepted, String reason) {

    static Decision take() {
      return new Decision(true, null);
    }

    static Decision refuse(String reason) {
      return new Decision(false, reason);
    }
  }

  public Decision decide(UUID orderId) {
    Optional<HistoricProcessInstance> saga = sagaOf(orderId);
    if (saga.isEmpty()) {
      return notInDeliveryYet(orderId);
    }
    if (saga.get().getEndTime() != null) {
      return Decision.refuse(wasCancelled(saga.get())
          ? "Order " + orderId + " is cancelled."
          : "Order " + orderId + " is closed: its receipt was confirmed or assumed before.");
    }
    // In this order: the saga may read DeliveryStarted between the two queries. Asked the other way
    // round, it could look as if it had neither passed nor still waited.
    if (waitsForDeliveryStarted(orderId)) {
      return deliveryHasStarted(orderId) ? Decision.take() : notInDeliveryYet(orderId);
    }
    if (hasPassed(saga.get(), DELIVERY_STARTED_EVENTS)) {
      return Decision.take();
    }
    // Between the deadline and the saga waiting for delivery-service's answer (Cancel delivery runs).
    if (hasPassed(saga.get(), List.of(DELIVERY_DEADLINE_EVENT))) {
      return deliveryHasStarted(orderId) ? Decision.take() : notInDeliveryYet(orderId);
    }
    return notInDeliveryYet(orderId);
  }

  private static Decision notInDeliveryYet(UUID orderId) {
    log.info("Receipt of order {} refused: its delivery has not started", orderId);
    return Decision.refuse("Order " + orderId + " is not in delivery yet.");
  }

  private Optional<HistoricProcessInstance> sagaOf(UUID orderId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).list().stream()
        .filter(instance -> instance.getEndTime() == null)
        .findFirst()
        .or(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString())
            .orderByProcessInstanceEndTime().desc().listPage(0, 1).stream().findFirst());
  }

  private boolean hasPassed(HistoricProcessInstance saga, List<String> activityIds) {
    return activityIds.stream().anyMatch(activityId -> history.createHistoricActivityInstanceQuery()
            .processInstanceId(saga.getId())
            .activityId(activityId)
            .finished()
            .count()
        > 0);
  }

  private boolean waitsForDeliveryStarted(UUID orderId) {
    return runtime.createExecutionQuery()
            .processInstanceBusinessKey(orderId.toString())
            .messageEventSubscriptionName(SagaMessage.DeliveryStarted.name())
            .count()
        > 0;
  }

  private boolean deliveryHasStarted(UUID orderId) {
    try {
      deliveries.delivery(orderId);
      return true;
    } catch (RuntimeException failure) {
      // the circuit breaker wraps what Feign throws
      if (SagaStep.causeOf(failure, FeignException.NotFound.class).isPresent()) {
        return false;
      }
      throw new DependencyUnavailableException("Whether the delivery of order " + orderId + " has started cannot be told right now.", failure);
    }
  }

  private boolean wasCancelled(HistoricProcessInstance saga) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(saga.getId()).variableName(CANCELLATION_REASON).count() > 0;
  }
}
