package io.sagashop.dashboards;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hands Prometheus each actuator's metrics in the plain text format.
 *
 * <p>Why it exists: the Prometheus that Debian ships (2.42) asks for OpenMetrics first, and in
 * OpenMetrics the services attach trace exemplars to the {@code _count} of their timers. Prometheus
 * learned to read those in 2.43; before, it drops the <em>whole</em> scrape ("metric name
 * http_server_requests_seconds_count does not support exemplars"), and it has no setting to ask for
 * the text format instead. The relay asks each actuator for {@code text/plain; version=0.0.4},
 * which carries no exemplars. It is the multi-target pattern of Prometheus' own exporters: the
 * scrape names its actuator in {@code ?target=host:port}, and only the actuators given here are
 * relayed. A Prometheus of 2.43 or later (the Operator's, in Kubernetes) scrapes the services
 * directly and keeps their exemplars.
 */
final class TextFormatRelay implements AutoCloseable {

  static final String METRICS_PATH = "/actuator/prometheus";
  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> targets;

  private TextFormatRelay(HttpServer server, Set<String> targets) {
    this.server = server;
    this.targets = targets;
  }

  /** Relays to these actuators from an ephemeral port on 127.0.0.1. */
  static TextFormatRelay start(List<URI> actuators) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    TextFormatRelay relay = new TextFormatRelay(server, actuators.stream().map(TextFormatRelay::target).collect(Collectors.toUnmodifiableSet()));
    server.createContext(METRICS_PATH, relay::relay);
    server.start();
    return relay;
  }

  /** How a scrape names an actuator: {@code host:port}, as Prometheus' instance label shows it. */
  static String target(URI actuator) {
    return actuator.getHost() + ":" + actuator.getPort();
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void relay(HttpExchange exchange) throws IOException {
    try {
      String target = requestedTarget(exchange.getRequestURI());
      if (!targets.contains(target)) {
        answer(exchange, 404, "not an actuator of this shop: " + target);
        return;
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + target + METRICS_PATH))
          .header("Accept", TEXT_FORMAT)
          .timeout(Duration.ofSeconds(4))
          .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      answer(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse(TEXT_FORMAT), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(exchange, 503, "relay stopping");
    } catch (IOException e) {
      // Prometheus shows this as the target's last error.
      answer(exchange, 502, "actuator unreachable: " + e);
    } finally {
      exchange.close();
    }
  }

  private static String requestedTarget(URI request) {
    String query = request.getRawQuery() == null ? "" : request.getRawQuery();
    for (String parameter : query.split("&")) {
      if (parameter.startsWith("target=")) {
        return URLDecoder.decode(parameter.substring("target=".length()), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static void answer(HttpExchange exchange, int status, String message) throws IOException {
    answer(exchange, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
  }

  private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
