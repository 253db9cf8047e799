package io.sagashop.orchestrator.saga;

import io.sagashop.platform.tracing.CurrentTrace;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts one saga per order. The started_order row and the new process instance commit together,
 * so a redelivered OrderPlaced starts nothing, and a start that failed can be retried. The row also
 * keeps the order's facts, out of reach of a task completion ({@link OrderFactsGuard}).
 */
@Service
public class SagaStarts {

  private static final Logger log = LoggerFactory.getLogger(SagaStarts.class);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final CurrentTrace trace;

  SagaStarts(JdbcTemplate jdbc, RuntimeService runtime, CurrentTrace trace) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.trace = trace;
  }

  /** True if this call started the saga, false if it had been started before. */
  @Transactional
  public boolean startOnce(UUID orderId, Map<String, Object> variables) {
    int claimed = jdbc.update(
        "INSERT INTO started_order (order_id, product_id, quantity, amount) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        orderId, variables.get(SagaVariables.PRODUCT_ID), variables.get(SagaVariables.QUANTITY),
        // A saga started by a cancellation before its OrderPlaced arrived has no facts to keep.
        variables.get(SagaVariables.AMOUNT) instanceof String amount ? new BigDecimal(amount) : null);
    if (claimed == 0) {
      log.info("Saga of order {} was started before; ignoring the repeated {}", orderId, SagaMessage.OrderPlaced);
      return false;
    }
    runtime
        .createMessageCorrelation(SagaMessage.OrderPlaced.name())
        .processInstanceBusinessKey(orderId.toString())
        .setVariables(variables)
        .setVariables(traceVariables())
        .correlateStartMessage();
    log.info("Saga of order {} started", orderId);
    return true;
  }

  /** The trace of whatever starts the saga (OrderPlaced's consumer, or a cancellation's request) goes on in its steps. */
  private Map<String, Object> traceVariables() {
    Map<String, Object> variables = new HashMap<>();
    trace.traceparent().ifPresent(parent -> {
      variables.put(SagaVariables.TRACEPARENT, parent);
      CurrentTrace.traceIdOf(parent).ifPresent(id -> variables.put(SagaVariables.TRACE_ID, id));
    });
    return variables;
  }
}
