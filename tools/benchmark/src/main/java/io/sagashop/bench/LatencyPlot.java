package io.sagashop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The whole shop's latencies against the arrival rate, one point per stage, as a PNG, with the
 * objectives the knee is judged by drawn across.
 */
final class LatencyPlot {

  private LatencyPlot() {}

  static Path write(List<ShopRamp.Stage> stages, Path file) {
    XYChart chart = new XYChartBuilder().width(800).height(500)
        .title("sagashop on this machine: latency against arrival rate")
        .xAxisTitle("orders arriving per second").yAxisTitle("p99 latency (ms)").build();
    List<Double> rates = stages.stream().map(ShopRamp.Stage::arrivalsPerSecond).toList();
    chart.addSeries("placing an order", rates, stages.stream().map(stage -> (double) stage.crowd().placementP99Millis()).toList());
    chart.addSeries("slowest saga step", rates, stages.stream().map(stage -> (double) stage.crowd().sagaStepP99Millis()).toList());
    List<Double> across = List.of(rates.get(0), rates.get(rates.size() - 1));
    objective(chart, "placing: objective (1 s)", across, ShopRamp.PLACEMENT_P99_MILLIS);
    objective(chart, "saga step: objective (2 s)", across, ShopRamp.STEP_P99_MILLIS);
    try {
      Files.createDirectories(file.getParent());
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the plot to " + file + ": " + e.getMessage(), e);
    }
  }

  private static void objective(XYChart chart, String name, List<Double> across, long millis) {
    XYSeries line = chart.addSeries(name, across, List.of((double) millis, (double) millis));
    line.setMarker(SeriesMarkers.NONE);
    line.setLineStyle(SeriesLines.DASH_DASH);
  }
}
