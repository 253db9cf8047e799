package io.sagashop.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Range queries against Prometheus' HTTP API ({@code /api/v1/query_range}), as Grafana makes them. */
public final class PrometheusApi implements SeriesSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public PrometheusApi(URI base) {
    this.base = base;
  }

  @Override
  public List<Series> range(String expression, Instant from, Instant to, Duration step) {
    URI uri = base.resolve("/api/v1/query_range?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8)
        + "&start=" + from.getEpochSecond() + "&end=" + to.getEpochSecond() + "&step=" + step.toSeconds());
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Prometheus answered " + response.statusCode() + " to " + expression + ": " + response.body());
      }
      return parse(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Prometheus at " + base + " does not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking Prometheus", e);
    }
  }

  /** A matrix result: one series per label set; samples that are not numbers (NaN, +Inf) are gaps. */
  static List<Series> parse(String body) throws IOException {
    JsonNode answer = JSON.readTree(body);
    if (!"success".equals(answer.path("status").asText()) || !"matrix".equals(answer.path("data").path("resultType").asText())) {
      throw new IllegalStateException("Prometheus did not answer a range: " + body);
    }
    List<Series> series = new ArrayList<>();
    for (JsonNode result : answer.path("data").path("result")) {
      Map<String, String> labels = new LinkedHashMap<>();
      result.path("metric").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
      List<Series.Sample> samples = new ArrayList<>();
      for (JsonNode value : result.path("values")) {
        double number = value.path(1).asDouble(Double.NaN);
        String text = value.path(1).asText();
        if (!text.equals("NaN") && !text.endsWith("Inf") && Double.isFinite(number)) {
          samples.add(new Series.Sample(Instant.ofEpochMilli(Math.round(value.path(0).asDouble() * 1000)), number));
        }
      }
      series.add(new Series(labels, List.copyOf(samples)));
    }
    return series;
  }
}
