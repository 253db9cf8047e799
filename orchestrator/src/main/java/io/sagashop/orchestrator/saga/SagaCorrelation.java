package io.sagashop.orchestrator.saga;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Delivers a message to the saga of an order. Camunda keeps no message that arrives before the
 * process waits for it, so such a message is refused with {@link NotWaitingYetException} and the
 * consumer retries it with back-off; a message for a saga that has ended is dropped.
 */
@Service
public class SagaCorrelation {

  private static final Logger log = LoggerFactory.getLogger(SagaCorrelation.class);

  private final RuntimeService runtime;
  private final HistoryService history;

  SagaCorrelation(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /** True if the saga took the message, false if the saga has already ended. */
  public boolean correlate(SagaMessage message, UUID orderId, Map<String, Object> variables) {
    try {
      runtime
          .createMessageCorrelation(message.name())
          .processInstanceBusinessKey(orderId.toString())
          .setVariables(variables)
          .correlate();
      log.info("{} delivered to the saga of order {}", message, orderId);
      return true;
    } catch (MismatchingMessageCorrelationException notWaiting) {
      if (hasEnded(orderId)) {
        log.info("Dropping {} for order {}: its saga has ended", message, orderId);
        return false;
      }
      throw new NotWaitingYetException(message, orderId, notWaiting);
    }
  }

  private boolean hasEnded(UUID orderId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).finished().count() > 0;
  }

  /** The saga exists but does not wait for the message yet (or is not started yet): try again later. */
  public static class NotWaitingYetException extends RuntimeException {

    NotWaitingYetException(SagaMessage message, UUID orderId, Throwable cause) {
      super("The saga of order " + orderId + " does not wait for " + message + " yet", cause);
    }
  }
}
