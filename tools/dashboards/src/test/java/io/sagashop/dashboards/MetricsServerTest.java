package io.sagashop.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

  private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5";
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer actuator;
  private URI actuatorUrl;

  /** An actuator that, like the services', puts an exemplar on a timer's count in OpenMetrics only. */
  @BeforeEach
  void startActuator() throws Exception {
    actuator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    actuator.createContext("/actuator/prometheus", exchange -> {
      boolean openMetrics = exchange.getRequestHeaders().getFirst("Accept").startsWith("application/openmetrics-text");
      String body = openMetrics
          ? "http_server_requests_seconds_count{uri=\"/orders\"} 3 # {trace_id=\"4bf92f3577b34da6\"} 1.0\n# EOF\n"
          : "http_server_requests_seconds_count{uri=\"/orders\"} 3\n";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", openMetrics ? "application/openmetrics-text;version=1.0.0" : "text/plain;version=0.0.4");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    actuator.start();
    actuatorUrl = URI.create("http://127.0.0.1:" + actuator.getAddress().getPort());
  }

  @AfterEach
  void stopActuator() {
    actuator.stop(0);
  }

  @Test
  void relayHandsPrometheusTheTextFormatWithoutExemplarsWhateverItAsksFor() throws Exception {
    try (TextFormatRelay relay = TextFormatRelay.start(List.of(actuatorUrl))) {
      HttpResponse<String> scrape = scrape(relay, TextFormatRelay.target(actuatorUrl));

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(scrape.body()).isEqualTo("http_server_requests_seconds_count{uri=\"/orders\"} 3\n");
    }
  }

  @Test
  void relayRefusesAnythingButTheShopsActuators() throws Exception {
    try (TextFormatRelay relay = TextFormatRelay.start(List.of(actuatorUrl))) {
      assertThat(scrape(relay, "169.254.169.254:80").statusCode()).isEqualTo(404);
      assertThat(scrape(relay, "").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void relayTellsPrometheusWhenAnActuatorIsDown() throws Exception {
    try (TextFormatRelay relay = TextFormatRelay.start(List.of(actuatorUrl))) {
      actuator.stop(0);

      HttpResponse<String> scrape = scrape(relay, TextFormatRelay.target(actuatorUrl));

      assertThat(scrape.statusCode()).isEqualTo(502);
      assertThat(scrape.body()).startsWith("actuator unreachable");
    }
  }

  @Test
  void prometheusScrapesEveryActuatorThroughTheRelayAndLabelsItWithTheActuator() {
    String config = MetricsServer.config(List.of(URI.create("http://localhost:8130"), URI.create("http://localhost:8131")), "127.0.0.1:40123");

    assertThat(config).contains(
        "metrics_path: /actuator/prometheus",
        "targets: ['localhost:8130', 'localhost:8131']",
        "scrape_interval: 5s",
        "target_label: __param_target",
        "target_label: instance",
        "replacement: '127.0.0.1:40123'");
  }

  private HttpResponse<String> scrape(TextFormatRelay relay, String target) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + relay.address() + "/actuator/prometheus?target=" + target))
        .header("Accept", OPEN_METRICS)
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
