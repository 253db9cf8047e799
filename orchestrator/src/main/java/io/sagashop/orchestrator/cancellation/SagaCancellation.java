package io.sagashop.orchestrator.cancellation;

import static io.sagashop.orchestrator.saga.SagaVariables.CANCELLATION_REASON;

import io.sagashop.orchestrator.saga.SagaMessage;
import io.sagashop.orchestrator.saga.SagaStarts;
import io.sagashop.order.contract.CancellationReason;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A customer's cancellation, decided by the saga itself: it is taken while the payment window is
 * open (the CancellationRequested subscription exists) and refused once the seller confirmed the
 * deposit. A seller confirming at the same moment collides on the same execution; exactly one of
 * the two commits, and the cancellation is then decided again on the new state.
 */
@Service
public class SagaCancellation {

  static final String CANCELLATION_NOTE = "cancellationNote";
  private static final int ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(SagaCancellation.class);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final SagaStarts starts;

  SagaCancellation(RuntimeService runtime, HistoryService history, SagaStarts starts) {
    this.runtime = runtime;
    this.history = history;
    this.starts = starts;
  }

  public enum Outcome {
    /** The saga leaves the payment window; the order ends cancelled shortly. */
    ACCEPTED,
    /** The order was cancelled before; nothing new happens. */
    ALREADY_CANCELLED,
    /** The deposit was confirmed (or the order closed): the order can no longer be cancelled. */
    REFUSED
  }

  /**
   * @param orderVariables the order as OrderPlaced would start the saga with, used when the
   *     orchestrator has not read OrderPlaced yet: the saga is then started and cancelled at once
   */
  public Outcome cancel(UUID orderId, Map<String, Object> orderVariables, String note) {
    if (!exists(orderId)) {
      starts.startOnce(orderId, orderVariables);
    }
    for (int attempt = 1; ; attempt++) {
      List<String> paymentWindow = paymentWindow(orderId);
      try {
        runtime
            .createMessageCorrelation(SagaMessage.CancellationRequested.name())
            .processInstanceBusinessKey(orderId.toString())
            .setVariable(CANCELLATION_REASON, CancellationReason.CUSTOMER_REQUEST.name())
            .setVariable(CANCELLATION_NOTE, note)
            .correlate();
        log.info("Cancellation of order {} accepted", orderId);
        return Outcome.ACCEPTED;
      } catch (MismatchingMessageCorrelationException notInPaymentWindow) {
        Outcome outcome = wasCancelled(orderId) ? Outcome.ALREADY_CANCELLED : Outcome.REFUSED;
        log.info("Cancellation of order {}: {}", orderId, outcome);
        return outcome;
      } catch (OptimisticLockingException collided) {
        // A seller completing "Confirm deposit" at this very moment changed the same execution and
        // won; this transaction rolled back, so deciding again on the committed state is safe.
        decideAgain(orderId, attempt, collided);
      } catch (RuntimeException failure) {
        // The same collision sometimes surfaces from inside the correlation as another failure (a
        // NullPointerException, seen in CancellationEndToEndTest's races): the payment window it was
        // delivering to was closed by the transaction that won. Only then is it a race; any other
        // failure is a fault, and goes up as it is.
        if (paymentWindow.isEmpty() || paymentWindow.equals(paymentWindow(orderId))) {
          throw failure;
        }
        decideAgain(orderId, attempt, failure);
      }
    }
  }

  private static void decideAgain(UUID orderId, int attempt, RuntimeException collided) {
    if (attempt == ATTEMPTS) {
      throw collided;
    }
    log.info("Cancellation of order {} collided with another change to its saga ({}); deciding again", orderId, collided.toString());
  }

  /** The saga's open subscriptions to a cancellation: empty once the deposit is confirmed. */
  private List<String> paymentWindow(UUID orderId) {
    List<String> instances =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).list().stream().map(ProcessInstance::getId).toList();
    return instances.stream()
        .flatMap(instance -> runtime.createEventSubscriptionQuery()
            .processInstanceId(instance)
            .eventType("message")
            .eventName(SagaMessage.CancellationRequested.name())
            .list()
            .stream())
        .map(EventSubscription::getId)
        .toList();
  }

  private boolean exists(UUID orderId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).count() > 0;
  }

  private boolean wasCancelled(UUID orderId) {
    return history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(processInstanceIds(orderId))
            .variableName(CANCELLATION_REASON)
            .count()
        > 0;
  }

  private String[] processInstanceIds(UUID orderId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).list().stream()
        .map(instance -> instance.getId())
        .toArray(String[]::new);
  }
}
