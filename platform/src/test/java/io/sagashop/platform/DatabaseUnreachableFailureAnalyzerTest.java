package io.sagashop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DatabaseUnreachableFailureAnalyzerTest {

  private final DatabaseUnreachableFailureAnalyzer analyzer = new DatabaseUnreachableFailureAnalyzer(environment());

  @Test
  void shouldSayWhichDatabaseIsUnreachableAndHowToFixIt() {
    Throwable startupFailure =
        new IllegalStateException(
            "Failed to initialize dependency 'flywayInitializer'",
            new PSQLException("Connection to localhost:15432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused")));

    FailureAnalysis analysis = analyzer.analyze(startupFailure);

    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription())
        .contains("PostgreSQL is not reachable at jdbc:postgresql://localhost:15432/payments");
    assertThat(analysis.getAction()).contains("./sagashop run").contains("SPRING_DATASOURCE_URL");
  }

  @Test
  void shouldLeaveOtherRefusedConnectionsToOtherAnalyzers() {
    assertThat(analyzer.analyze(new IllegalStateException(new ConnectException("Connection refused")))).isNull();
  }

  private static StandardEnvironment environment() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(
        new MapPropertySource("test", Map.of("spring.datasource.url", "jdbc:postgresql://localhost:15432/payments")));
    return environment;
  }
}
