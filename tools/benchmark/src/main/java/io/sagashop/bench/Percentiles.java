package io.sagashop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latencies of one kind of call, and their nearest-rank percentiles. */
final class Percentiles {

  private final List<Long> nanos = new ArrayList<>();

  synchronized void record(Duration took) {
    nanos.add(took.toNanos());
  }

  synchronized int count() {
    return nanos.size();
  }

  /** The smallest latency that at least p% of the calls did not exceed, in milliseconds. */
  synchronized double millis(int p) {
    if (nanos.isEmpty()) {
      throw new IllegalStateException("no call was measured");
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1_000_000.0;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (%d calls)", millis(50), millis(99), count());
  }
}
