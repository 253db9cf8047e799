package io.sagashop.dashboards;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A Grafana dashboard drawn from a Prometheus' answers, panel by panel on Grafana's grid: a
 * {@code timeseries} as lines over the time range, a {@code stat} as its last value. It previews the
 * dashboards of {@code k8s/components/monitoring} where no Grafana runs (this machine has none); it
 * is a picture of what the queries return, not Grafana's look.
 */
public final class DashboardImage {

  static final int WIDTH = 1800;
  private static final int COLUMN_PIXELS = WIDTH / Dashboard.COLUMNS;
  private static final int ROW_PIXELS = 36;
  private static final int HEADER_PIXELS = 56;
  private static final int GAP = 6;
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DashboardImage() {}

  /** Draws every panel of the dashboard for the range, each query asked at the step. */
  public static BufferedImage draw(Dashboard dashboard, SeriesSource source, Instant from, Instant to, Duration step) {
    int rows = dashboard.panels().stream().mapToInt(panel -> panel.y() + panel.height()).max().orElse(0);
    BufferedImage image = new BufferedImage(WIDTH, HEADER_PIXELS + rows * ROW_PIXELS + GAP, BufferedImage.TYPE_INT_RGB);
    Graphics2D canvas = image.createGraphics();
    canvas.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    canvas.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    canvas.setColor(new Color(0xf4, 0xf5, 0xf5));
    canvas.fillRect(0, 0, image.getWidth(), image.getHeight());
    canvas.setColor(Color.DARK_GRAY);
    canvas.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    canvas.drawString(dashboard.title(), GAP * 2, 34);
    canvas.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    canvas.drawString(CLOCK.format(from) + " to " + CLOCK.format(to) + " UTC, every " + step.toSeconds() + " s (Prometheus, rendered without Grafana)",
        WIDTH / 2, 34);
    for (Dashboard.Panel panel : dashboard.panels()) {
      int x = panel.x() * COLUMN_PIXELS + GAP;
      int y = HEADER_PIXELS + panel.y() * ROW_PIXELS;
      int width = panel.width() * COLUMN_PIXELS - GAP;
      int height = panel.height() * ROW_PIXELS - GAP;
      List<Line> lines = panel.queries().stream()
          .flatMap(query -> source.range(query.expression(), from, to, step).stream()
              .filter(series -> !series.samples().isEmpty())
              .map(series -> new Line(query.legend(series.labels()), series)))
          .toList();
      BufferedImage drawn = "stat".equals(panel.type())
          ? stat(panel, lines, width, height)
          : timeseries(panel, lines, from, to, width, height);
      canvas.drawImage(drawn, x, y, null);
    }
    canvas.dispose();
    return image;
  }

  public static Path write(BufferedImage image, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ImageIO.write(image, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private record Line(String legend, SeriesSource.Series series) {}

  private static BufferedImage timeseries(Dashboard.Panel panel, List<Line> lines, Instant from, Instant to, int width, int height) {
    if (lines.isEmpty()) {
      return noData(panel, width, height);
    }
    Unit unit = Unit.of(panel.unit());
    XYChart chart = new XYChartBuilder().width(width).height(height).title(panel.title()).yAxisTitle(unit.title()).build();
    XYStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    chart.getStyler().setDatePattern("HH:mm");
    chart.getStyler().setXAxisMin((double) from.toEpochMilli());
    chart.getStyler().setXAxisMax((double) to.toEpochMilli());
    chart.getStyler().setYAxisMin(0.0);
    for (Line line : lines) {
      List<Date> times = line.series().samples().stream().map(sample -> Date.from(sample.time())).toList();
      List<Double> values = line.series().samples().stream().map(sample -> unit.scale().applyAsDouble(sample.value())).toList();
      XYSeries series = chart.addSeries(unique(chart, line.legend()), times, values);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineWidth(1.6f);
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  private static String unique(XYChart chart, String legend) {
    String name = legend.isBlank() ? "(none)" : legend;
    String candidate = name;
    for (int i = 2; chart.getSeriesMap().containsKey(candidate); i++) {
      candidate = name + " (" + i + ")";
    }
    return candidate;
  }

  /** The last value of the first series, large, as Grafana's stat panel shows it. */
  private static BufferedImage stat(Dashboard.Panel panel, List<Line> lines, int width, int height) {
    if (lines.isEmpty()) {
      return noData(panel, width, height);
    }
    List<SeriesSource.Series.Sample> samples = lines.get(0).series().samples();
    Unit unit = Unit.of(panel.unit());
    double last = unit.scale().applyAsDouble(samples.get(samples.size() - 1).value());
    String value = (last == Math.rint(last) ? String.format(Locale.ROOT, "%.0f", last) : String.format(Locale.ROOT, "%.2f", last)) + unit.suffix();
    BufferedImage image = frame(panel, width, height);
    Graphics2D canvas = image.createGraphics();
    canvas.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    canvas.setColor(new Color(0x37, 0x87, 0x2d));
    canvas.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.min(96, height / 3)));
    centred(canvas, value, width, height / 2 + canvas.getFontMetrics().getAscent() / 3);
    canvas.setColor(Color.GRAY);
    canvas.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    centred(canvas, "now; lowest " + format(samples.stream().mapToDouble(SeriesSource.Series.Sample::value).map(unit.scale()).min().orElse(0))
        + ", highest " + format(samples.stream().mapToDouble(SeriesSource.Series.Sample::value).map(unit.scale()).max().orElse(0)) + " in the range",
        width, height - 16);
    canvas.dispose();
    return image;
  }

  private static BufferedImage noData(Dashboard.Panel panel, int width, int height) {
    BufferedImage image = frame(panel, width, height);
    Graphics2D canvas = image.createGraphics();
    canvas.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    canvas.setColor(Color.GRAY);
    canvas.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    centred(canvas, "No data (no series in the range)", width, height / 2);
    canvas.dispose();
    return image;
  }

  private static BufferedImage frame(Dashboard.Panel panel, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D canvas = image.createGraphics();
    canvas.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    canvas.setColor(Color.WHITE);
    canvas.fillRect(0, 0, width, height);
    canvas.setColor(Color.LIGHT_GRAY);
    canvas.setStroke(new BasicStroke(1));
    canvas.drawRect(0, 0, width - 1, height - 1);
    canvas.setColor(Color.BLACK);
    canvas.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    centred(canvas, panel.title(), width, 22);
    canvas.dispose();
    return image;
  }

  private static void centred(Graphics2D canvas, String text, int width, int baseline) {
    FontMetrics metrics = canvas.getFontMetrics();
    canvas.drawString(text, (width - metrics.stringWidth(text)) / 2, baseline);
  }

  private static String format(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  /** Grafana's units the dashboards use, as an axis title and a scale. */
  private record Unit(String title, String suffix, DoubleUnaryOperator scale) {

    static Unit of(String grafana) {
      return switch (grafana) {
        case "s" -> new Unit("seconds", " s", value -> value);
        case "bytes" -> new Unit("MiB", " MiB", value -> value / (1024 * 1024));
        case "percentunit" -> new Unit("%", " %", value -> value * 100);
        case "reqps" -> new Unit("requests/s", "/s", value -> value);
        default -> new Unit("", "", value -> value);
      };
    }
  }
}
