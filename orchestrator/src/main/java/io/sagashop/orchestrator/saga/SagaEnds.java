package io.sagashop.orchestrator.saga;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes down, in the orchestrator's own started_order row, that an order's saga has ended (closed,
 * cancelled, or deleted by an operator), in the transaction that ends it. The saga inbox decides from
 * this whether a late message still has a saga to go to: the engine's history, which it asked before,
 * is deleted by the history cleanup after 180 days, and a duplicate arriving after that stayed
 * pending for good. Added to every process definition as it is parsed, so every deployed version of
 * the saga writes it, not only the newest.
 */
@Component
class SagaEnds extends AbstractProcessEnginePlugin {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  SagaEnds(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExecutionListener ended = execution -> ended(execution.getProcessBusinessKey());
    ParseListeners.addAfterParsing(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        definition.addListener(ExecutionListener.EVENTNAME_END, ended);
      }
    });
  }

  private void ended(String businessKey) {
    UUID orderId = orderIdOf(businessKey);
    if (orderId != null) {
      jdbc.update("INSERT INTO started_order (order_id, ended_at) VALUES (?, ?) ON CONFLICT (order_id) DO UPDATE SET ended_at = EXCLUDED.ended_at",
          orderId, Timestamp.from(clock.instant()));
    }
  }

  /** The saga's business key is its order's id; other processes (none today) have none. */
  private static UUID orderIdOf(String businessKey) {
    try {
      return businessKey == null ? null : UUID.fromString(businessKey);
    } catch (IllegalArgumentException notAnOrder) {
      return null;
    }
  }
}
