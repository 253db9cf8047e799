package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import io.sagashop.testsupport.TopicRecorder;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every metric an alert or a dashboard of k8s/components/monitoring asks for is one the running shop
 * exports, once it has done what the metric counts (an order placed, one cancelled, one closed, a
 * record dead-lettered): a dashboard panel that stays empty, or an alert that can never fire,
 * because a name was misspelt or a metric was renamed, fails here.
 */
@Tag("integration")
class MonitoringEndToEndTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A metric name in a PromQL expression: a name that is not a function, a keyword or a label. */
  private static final Pattern NAME = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");
  private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset");
  private static LocalStack stack;
  private static ShopClient shop;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
    shop = new ShopClient(stack);
  }

  @Test
  void shouldExportEveryMetricTheAlertsAndDashboardsAskFor() throws IOException {
    // Given a shop that closed an order, cancelled one and dead-lettered a record
    shop.setStock("matcha-whisk", 20);
    String closed = shop.placeOrder("watcher-" + UUID.randomUUID().toString().substring(0, 8), "matcha-whisk", 1);
    String cancelled = shop.placeOrder("watcher-" + UUID.randomUUID().toString().substring(0, 8), "matcha-whisk", 1);
    shop.awaitStatus(cancelled, "AWAITING_DEPOSIT");
    assertThat(shop.post(ShopService.ORDER, "/orders/" + cancelled + "/cancellation", Map.of(), Map.of()).status()).isEqualTo(202);
    shop.confirmDeposit(closed);
    shop.awaitStatus(closed, "IN_DELIVERY");
    assertThat(shop.post(ShopService.ORDER, "/orders/" + closed + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);
    shop.awaitStatus(closed, "CLOSED");
    shop.awaitStatus(cancelled, "CANCELLED");
    TopicRecorder.send(stack.kafkaConnection().clientProperties(), "payment.events", 0, "poison-" + UUID.randomUUID(),
        "{not an event".getBytes(StandardCharsets.UTF_8));

    Set<String> asked = metricsAskedFor();
    assertThat(asked).contains("sagashop_orders_total", "sagashop_saga_step_seconds_bucket", "sagashop_outbox_oldest_age_seconds");

    // Then every one of them is exported by some service
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(exported()).containsAll(asked));
  }

  /** Every metric name in the alerts' and the dashboards' expressions. */
  private static Set<String> metricsAskedFor() throws IOException {
    Path monitoring = stack.settings().projectRoot().resolve("k8s/components/monitoring");
    Set<String> expressions = new HashSet<>();
    Matcher rule = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE).matcher(Files.readString(monitoring.resolve("prometheus-rules.yaml")));
    while (rule.find()) {
      expressions.add(rule.group(1));
    }
    try (Stream<Path> dashboards = Files.list(monitoring.resolve("dashboards"))) {
      for (Path dashboard : dashboards.toList()) {
        JSON.readTree(dashboard.toFile()).path("panels")
            .forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
      }
    }
    Set<String> names = new TreeSet<>();
    for (String expression : expressions) {
      // label matchers, grouping labels and range selectors name no metric
      String bare = expression.replaceAll("\\{[^}]*}", "").replaceAll("(by|without)\\s*\\([^)]*\\)", "").replaceAll("\\[[^]]*]", "");
      Matcher name = NAME.matcher(bare);
      while (name.find()) {
        if (name.group(1).contains("_") && !PROMQL_WORDS.contains(name.group(1))) {
          names.add(name.group(1));
        }
      }
    }
    return names;
  }

  /** The metric names every service's management port exports now. */
  private static Set<String> exported() throws IOException, InterruptedException {
    Set<String> names = new HashSet<>();
    for (ShopService service : ShopService.values()) {
      HttpResponse<String> scrape = HTTP.send(
          HttpRequest.newBuilder(stack.managementUrl(service, 1).resolve("/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (scrape.statusCode() == 200) { // the identity provider shows its metrics to operators only
        scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
            .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
      }
    }
    return names;
  }
}
