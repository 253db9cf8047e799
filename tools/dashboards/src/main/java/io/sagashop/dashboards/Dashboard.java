package io.sagashop.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What of a Grafana dashboard's JSON the preview draws: its title and its panels, each with its
 * place on Grafana's grid (24 columns, rows of 30 px), its unit and its Prometheus queries.
 */
public record Dashboard(String uid, String title, List<Panel> panels) {

  /** Grafana's grid: the width in columns and the height of one row in pixels. */
  static final int COLUMNS = 24;
  static final int ROW_PIXELS = 30;

  /** A panel: {@code type} is Grafana's ({@code timeseries} or {@code stat}). */
  public record Panel(String title, String type, int x, int y, int width, int height, String unit, List<Query> queries) {}

  /** One query of a panel and how its series are named ({@code {{label}}} as in Grafana). */
  public record Query(String expression, String legendFormat) {

    /** The legend of one series: the format with every {@code {{label}}} replaced, or its labels when there is none. */
    String legend(java.util.Map<String, String> labels) {
      if (legendFormat == null || legendFormat.isBlank()) {
        return labels.isEmpty() ? expression : labels.toString();
      }
      String legend = legendFormat;
      for (var label : labels.entrySet()) {
        legend = legend.replace("{{" + label.getKey() + "}}", label.getValue());
      }
      return legend.replaceAll("\\{\\{\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*}}", "");
    }
  }

  public static Dashboard read(Path file) {
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      List<Panel> panels = new ArrayList<>();
      for (JsonNode panel : json.path("panels")) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode target : panel.path("targets")) {
          queries.add(new Query(target.path("expr").asText(), target.path("legendFormat").asText("")));
        }
        JsonNode grid = panel.path("gridPos");
        panels.add(new Panel(panel.path("title").asText(), panel.path("type").asText(),
            grid.path("x").asInt(), grid.path("y").asInt(), grid.path("w").asInt(COLUMNS), grid.path("h").asInt(8),
            panel.path("fieldConfig").path("defaults").path("unit").asText("short"), List.copyOf(queries)));
      }
      return new Dashboard(json.path("uid").asText(), json.path("title").asText(), List.copyOf(panels));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the dashboard " + file + ": " + e.getMessage(), e);
    }
  }
}
