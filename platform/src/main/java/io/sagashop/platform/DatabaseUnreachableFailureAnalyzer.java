package io.sagashop.platform;

import java.net.ConnectException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.context.EnvironmentAware;

/**
 * Turns "PostgreSQL is not there" into one explained failure instead of a wall of stack traces
 * from the pool, Flyway and the engine.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<ConnectException>
    implements EnvironmentAware {

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConnectException cause) {
    String url = environment == null ? null : environment.getProperty("spring.datasource.url");
    if (url == null || !isDatabaseFailure(rootFailure)) {
      return null;
    }
    return new FailureAnalysis(
        "PostgreSQL is not reachable at " + url + " (" + cause.getMessage() + ").",
        "Start PostgreSQL (./sagashop run starts an embedded one) or point SPRING_DATASOURCE_URL"
            + " at a running server.",
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
