package io.sagashop.platform;

import java.net.ConnectException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns "PostgreSQL is not there" into one explained failure instead of a wall of stack traces
 * from the pool, Flyway and the engine.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<ConnectException> {

  private final Environment environment;

  DatabaseUnreachableFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConnectException cause) {
    if (!isDatabaseFailure(rootFailure)) {
      return null;
    }
    return new FailureAnalysis(
        "PostgreSQL is not reachable at " + environment.getProperty("spring.datasource.url")
            + " (" + cause.getMessage() + ").",
        "Start PostgreSQL (./sagashop run starts an embedded one) or point SPRING_DATASOURCE_URL,"
            + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD at a running server.",
        cause);
  }

  private static boolean isDatabaseFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getClass().getName().startsWith("org.postgresql.")) {
        return true;
      }
    }
    return false;
  }
}
