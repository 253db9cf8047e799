package io.sagashop.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/** How long each step took, for every order that went through it; read once the crowd is done. */
public final class StepTimes {

  private final Map<Step, ConcurrentLinkedQueue<Long>> millis = new EnumMap<>(Step.class);

  StepTimes() {
    for (Step step : Step.values()) {
      millis.put(step, new ConcurrentLinkedQueue<>());
    }
  }

  void record(Step step, Duration took) {
    millis.get(step).add(Math.max(0, took.toMillis()));
  }

  /** Count, median, 99th percentile and maximum of a step, if any order went through it. */
  Optional<Summary> summary(Step step) {
    List<Long> sorted = new ArrayList<>(millis.get(step));
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    Collections.sort(sorted);
    return Optional.of(new Summary(step, sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1)));
  }

  public record Summary(Step step, int count, long p50Millis, long p99Millis, long maxMillis) {}

  /** The nearest-rank percentile: the smallest value that at least p% of the values do not exceed. */
  static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
