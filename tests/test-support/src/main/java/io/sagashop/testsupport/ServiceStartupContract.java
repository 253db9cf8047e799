package io.sagashop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every sagashop service promises its operators once started against a real PostgreSQL and
 * Kafka: probes that Kubernetes can route and restart by, on a management port that no Service and
 * so no Ingress publishes, its own schema, and only the actuator endpoints that are safe to expose.
 * Each service's test extends this with the table it owns.
 */
@ServiceIntegrationTest
public abstract class ServiceStartupContract {

  @Autowired protected TestRestTemplate http;
  @Autowired protected JdbcTemplate jdbc;
  @LocalManagementPort private int managementPort;

  /** A table the service's schema must contain after start-up. */
  protected abstract String ownedTable();

  @Test
  void shouldReportReadyAndAliveOnItsProbes() {
    TestIdentity.callAnonymously(http);
    assertThat(http.getForEntity(management("/actuator/health/readiness"), String.class))
        .satisfies(response -> assertUp(response));
    assertThat(http.getForEntity(management("/actuator/health/liveness"), String.class))
        .satisfies(response -> assertUp(response));
  }

  @Test
  void shouldNotAnswerActuatorRequestsOnThePortTheIngressRoutes() {
    String operator = TestIdentity.staff("admin", "OPERATOR");
    for (String endpoint : new String[] {"/actuator/health/readiness", "/actuator/prometheus", "/actuator"}) {
      ResponseEntity<String> answer = TestIdentity.call(http, HttpMethod.GET, endpoint, operator);
      assertThat(answer.getStatusCode().is4xxClientError()).as(endpoint).isTrue();
      assertThat(String.valueOf(answer.getBody())).as(endpoint).doesNotContain("\"status\":\"UP\"", "jvm_memory_used_bytes", "_links");
    }
  }

  @Test
  void shouldHaveCreatedItsSchemaInItsOwnDatabase() {
    Integer tables =
        jdbc.queryForObject(
            "SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = lower(?)",
            Integer.class,
            ownedTable());
    assertThat(tables).as("table %s", ownedTable()).isEqualTo(1);
  }

  @Test
  void shouldExposeMetricsButNotItsConfiguration() {
    TestIdentity.callAnonymously(http);
    ResponseEntity<String> metrics = http.getForEntity(management("/actuator/prometheus"), String.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
    // Not even to an operator: the endpoints are not exposed, and no rule lets anyone reach them.
    String operator = TestIdentity.staff("admin", "OPERATOR");
    for (String endpoint : new String[] {"/actuator/env", "/actuator/beans"}) {
      ResponseEntity<String> answer = TestIdentity.call(http, HttpMethod.GET, management(endpoint), operator);
      assertThat(answer.getStatusCode().is4xxClientError()).as(endpoint).isTrue();
      assertThat(String.valueOf(answer.getBody())).as(endpoint).doesNotContain("propertySources", "\"beans\"", "spring.datasource");
    }
  }

  private String management(String path) {
    return "http://localhost:" + managementPort + path;
  }

  private static void assertUp(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"status\":\"UP\"");
  }
}
