package io.sagashop.dashboards;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Prometheus (Debian's {@code prometheus} package, the one {@code ./sagashop test} installs for
 * promtool) scraping the actuators of a local shop every few seconds, as the Prometheus Operator
 * does in Kubernetes. Its data lives in a directory of its own, kept fresh for each run; the
 * process ends with {@link #close()} (or with this JVM).
 */
public final class MetricsServer implements AutoCloseable {

  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final TextFormatRelay relay;
  private final URI url;

  private MetricsServer(Process process, TextFormatRelay relay, URI url) {
    this.process = process;
    this.relay = relay;
    this.url = url;
  }

  /** Starts Prometheus on 127.0.0.1:port and waits until it has scraped every target once. */
  public static MetricsServer start(Path binary, Path directory, int port, List<URI> actuators) {
    TextFormatRelay relay = null;
    try {
      deleteRecursively(directory);
      Files.createDirectories(directory);
      relay = TextFormatRelay.start(actuators);
      Path config = Files.writeString(directory.resolve("prometheus.yml"), config(actuators, relay.address()));
      Process process = new ProcessBuilder(binary.toString(),
              "--config.file=" + config,
              "--storage.tsdb.path=" + directory.resolve("data"),
              "--web.listen-address=127.0.0.1:" + port,
              "--log.level=warn")
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("prometheus.log").toFile())
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      MetricsServer server = new MetricsServer(process, relay, URI.create("http://127.0.0.1:" + port));
      try {
        server.awaitEveryTargetUp(actuators.size());
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      if (relay != null) {
        relay.close();
      }
      throw new IllegalStateException("Cannot start Prometheus (" + binary + "): " + e.getMessage(), e);
    }
  }

  public URI url() {
    return url;
  }

  /**
   * The actuators as static targets, with the port as the instance, as a pod's IP would be; each
   * is scraped through the relay, which is told the actuator in {@code ?target=}.
   */
  static String config(List<URI> actuators, String relay) {
    String targets = actuators.stream().map(uri -> "'" + TextFormatRelay.target(uri) + "'").collect(Collectors.joining(", "));
    return """
        global:
          scrape_interval: %ds
          evaluation_interval: %ds
        scrape_configs:
          - job_name: sagashop
            metrics_path: %s
            static_configs:
              - targets: [%s]
            relabel_configs:
              - source_labels: [__address__]
                target_label: __param_target
              - source_labels: [__param_target]
                target_label: instance
              - target_label: __address__
                replacement: '%s'
        """.formatted(SCRAPE_INTERVAL.toSeconds(), SCRAPE_INTERVAL.toSeconds(), TextFormatRelay.METRICS_PATH, targets, relay);
  }

  private void awaitEveryTargetUp(int targets) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/v1/targets?state=active")).timeout(Duration.ofSeconds(5)).build();
    List<String> notUp = new ArrayList<>(List.of("no answer from Prometheus yet"));
    try {
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Prometheus ended at once with exit code " + process.exitValue() + " (see its log)");
            }
            JsonNode active = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("data").path("activeTargets");
            List<String> down = new ArrayList<>();
            int up = 0;
            for (JsonNode target : active) {
              if ("up".equals(target.path("health").asText())) {
                up++;
              } else {
                down.add(target.path("scrapeUrl").asText() + " " + target.path("health").asText() + " " + target.path("lastError").asText());
              }
            }
            notUp.clear();
            notUp.addAll(down);
            return up == targets;
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("Prometheus did not scrape all " + targets + " actuators within a minute; not up: " + notUp, e);
    }
  }

  @Override
  public void close() {
    relay.close();
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
