package io.sagashop.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where a panel's series come from: Prometheus, or a test's fixed answers. */
public interface SeriesSource {

  List<Series> range(String expression, Instant from, Instant to, Duration step);

  /** One series of a query's answer: its labels and its samples in time order. */
  record Series(Map<String, String> labels, List<Sample> samples) {

    record Sample(Instant time, double value) {}
  }
}
