package io.sagashop.orchestrator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the shop's indexes to Camunda's tables ({@value #SCRIPT}) once the engine has created or
 * updated them, at every start; a replica that starts at the same moment may create one first,
 * which is fine. Flyway cannot do it: its migrations run before the engine creates its tables.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String SCRIPT = "db/camunda/sagashop-indexes.sql";
  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);
  /** duplicate_table (42P07) and unique_violation (23505): another replica created the index just now. */
  private static final List<String> CREATED_ELSEWHERE = List.of("42P07", "23505");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute(script());
      log.info("Camunda's tables have the shop's indexes ({})", SCRIPT);
    } catch (SQLException e) {
      if (!CREATED_ELSEWHERE.contains(e.getSQLState())) {
        throw new IllegalStateException("Cannot add the shop's indexes to Camunda's tables: " + e.getMessage(), e);
      }
    }
  }

  private static String script() {
    try (InputStream script = EngineIndexes.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (script == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the classpath");
      }
      return new String(script.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + SCRIPT, e);
    }
  }
}
