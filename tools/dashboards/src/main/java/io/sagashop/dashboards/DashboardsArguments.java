package io.sagashop.dashboards;

import io.sagashop.load.CrowdPlan;
import io.sagashop.load.Options;
import java.util.List;
import java.util.Set;

/** {@code ./sagashop dashboards [--minutes M] [--per-minute P] [--seed S]}, read and checked. */
record DashboardsArguments(int minutes, int perMinute, long seed) {

  static final int DEFAULT_MINUTES = 6;
  static final int DEFAULT_PER_MINUTE = 90;
  /** Enough customers under way at once that arrivals keep their pace while sellers confirm deposits. */
  private static final int CONCURRENCY = 64;

  static DashboardsArguments parse(List<String> args) {
    Options options = Options.parse(args, Set.of("--minutes", "--per-minute", "--seed"), "--minutes M, --per-minute P and --seed S");
    return new DashboardsArguments(
        options.between("--minutes", 1, 120, DEFAULT_MINUTES),
        options.between("--per-minute", 1, 6_000, DEFAULT_PER_MINUTE),
        options.number("--seed", System.nanoTime()));
  }

  /** Orders arriving at the rate for the minutes given. */
  CrowdPlan plan() {
    return CrowdPlan.arriving(minutes * perMinute, perMinute / 60.0, CONCURRENCY, seed);
  }
}
