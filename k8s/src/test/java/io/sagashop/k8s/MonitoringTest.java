package io.sagashop.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts and dashboards of {@code components/monitoring} are what Prometheus and Grafana can
 * load: the rules pass promtool (Debian's prometheus package, which {@code ./sagashop test}
 * installs), every dashboard is Grafana JSON whose every query is valid PromQL. That they name
 * metrics the services really export is MonitoringEndToEndTest's, on a running shop.
 */
@Tag("integration")
class MonitoringTest {

  private static final Path MONITORING = Path.of("components", "monitoring");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldGiveEveryAlertAPromtoolValidRuleWithASummaryAndASeverity(@TempDir Path scratch) throws Exception {
    JsonNode rule = Kustomize.YAML.readTree(MONITORING.resolve("prometheus-rules.yaml").toFile());
    List<JsonNode> alerts = new ArrayList<>();
    rule.path("spec").path("groups").forEach(group -> group.path("rules").forEach(alerts::add));

    assertThat(alerts).hasSizeGreaterThanOrEqualTo(6).allSatisfy(alert -> {
      assertThat(alert.path("alert").asText()).startsWith("Sagashop");
      assertThat(alert.path("labels").path("severity").asText()).isIn("warning", "critical");
      assertThat(alert.path("annotations").path("summary").asText()).isNotBlank();
    });
    assertThat(promtool(scratch, Kustomize.YAML.writeValueAsString(rule.path("spec")))).isEmpty();
  }

  @Test
  void shouldHaveDashboardsWhoseEveryQueryIsValidPromql(@TempDir Path scratch) throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    for (Path file : dashboards()) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      assertThat(dashboard.path("uid").asText()).as(file.toString()).startsWith("sagashop-");
      assertThat(dashboard.path("title").asText()).as(file.toString()).isNotBlank();
      assertThat(dashboard.path("panels")).as(file.toString()).isNotEmpty();
      for (JsonNode panel : dashboard.path("panels")) {
        assertThat(panel.path("targets")).as("%s: %s", file, panel.path("title")).isNotEmpty();
        panel.path("targets").forEach(target -> queries.put(
            "dashboard:" + dashboard.path("uid").asText().replace('-', '_') + ":" + queries.size(), target.path("expr").asText()));
      }
    }
    // promtool checks PromQL in rule files only: each query becomes a recording rule
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    for (Map.Entry<String, String> query : queries.entrySet()) {
      rules.append("      - record: ").append(query.getKey()).append("\n        expr: ")
          .append(JSON.writeValueAsString(query.getValue())).append('\n');
    }

    assertThat(queries).hasSizeGreaterThanOrEqualTo(20);
    assertThat(promtool(scratch, rules.toString())).isEmpty();
  }

  @Test
  void shouldBeLoadedByEveryOverlay() throws IOException {
    for (String overlay : List.of("overlays/production", "overlays/dev")) {
      assertThat(Files.readString(Path.of(overlay, "kustomization.yaml"))).as(overlay).contains("../../components/monitoring");
    }
  }

  private static List<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(MONITORING.resolve("dashboards"))) {
      List<Path> dashboards = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
      assertThat(dashboards).hasSize(3);
      return dashboards;
    }
  }

  /** What promtool finds wrong in these rules; empty when it accepts them. */
  private static String promtool(Path scratch, String rules) throws IOException, InterruptedException {
    Path file = Files.writeString(scratch.resolve("rules.yaml"), rules);
    Process check;
    try {
      check = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true).start();
    } catch (IOException missing) {
      throw new AssertionError("promtool is missing: apt-get install prometheus (./sagashop test installs it)", missing);
    }
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return check.exitValue() == 0 ? "" : output;
  }
}
