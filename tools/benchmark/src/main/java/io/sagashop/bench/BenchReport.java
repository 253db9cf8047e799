package io.sagashop.bench;

import io.sagashop.load.CommandLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark's figures, and its last line for scripts and docs ({@code BENCH key=value ...}).
 * It holds when the crowd's invariants held at every rate, the one that broke the shop included:
 * speed never at the cost of a lost or doubled order.
 */
record BenchReport(List<ShopRamp.Stage> stages, Path plot, BareFigures engine, List<Profiles.Profile> profiles) implements CommandLine.Report {

  /** How many libraries each service's profile names. */
  private static final int LIBRARIES = 6;

  /**
   * The bare engine's throughput with and without async continuations, the history a closed saga
   * leaves (until the cleanup removes it after its time to live), and its calls with few and many
   * open sagas.
   */
  record BareFigures(BareEngine.Throughput bare, long historyBytesPerSaga, BareEngine.Throughput bareWithoutAsync, OpenOrders.Latencies few,
      OpenOrders.Latencies many) {}

  /** The last rate the whole shop sustained. */
  Optional<ShopRamp.Stage> knee() {
    return ShopRamp.knee(stages);
  }

  /** The sagas per second the whole shop sustains: the arrival rate at its knee (every order ended, latency bounded). */
  double shopSagasPerSecond() {
    return knee().map(ShopRamp.Stage::arrivalsPerSecond).orElse(0.0);
  }

  /** How much faster the bare engine is without its asynchronous continuations. */
  double asyncCost() {
    return engine.bareWithoutAsync().sagasPerSecond() / engine.bare().sagasPerSecond();
  }

  /** How much slower the slowest of the measured calls is (at the median) with many open sagas than with few. */
  double manyOpenVsFew() {
    return engine.many().worstMedianMillis() / engine.few().worstMedianMillis();
  }

  @Override
  public boolean holds() {
    return stages.stream().allMatch(stage -> stage.crowd().holds());
  }

  @Override
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Whole shop, customers arriving at a rising rate (open loop):");
    stages.forEach(stage -> lines.add("  " + stage));
    knee().ifPresentOrElse(
        knee -> lines.add("  knee: " + String.format(Locale.ROOT, "%.2f", knee.arrivalsPerSecond()) + " orders/s; the parts meanwhile: "
            + StackResources.describe(knee.cpuPercent(), knee.memory())),
        () -> lines.add("  no rate held, not even the first"));
    stages.stream().filter(stage -> !stage.crowd().holds())
        .forEach(stage -> stage.crowd().broken().forEach(broken -> lines.add(String.format(Locale.ROOT, "  BROKEN at %.2f/s: %s", stage.arrivalsPerSecond(), broken))));
    lines.add("  plot: " + plot);
    if (!profiles.isEmpty()) {
      lines.add("Where each service's CPU went after the first rate (Java Flight Recorder; samples by the library whose code ran):");
      profiles.forEach(profile -> lines.add("  " + profile.describe(LIBRARIES)));
    }
    lines.add("Bare engine (order-saga.bpmn, no-op steps, the same PostgreSQL, history full, the orchestrator's job executor):");
    lines.add("  as modelled:                 " + engine.bare());
    lines.add("  history per closed order:    " + engine.historyBytesPerSaga() / 1024 + " KiB (removed 180 days after the order ended)");
    lines.add("  without async continuations: " + engine.bareWithoutAsync());
    lines.add(cpuCeiling(Runtime.getRuntime().availableProcessors()));
    lines.add("Open sagas, waiting for their deposit (one call at a time):");
    lines.add("  " + engine.few());
    lines.add("  " + engine.many());
    Optional<ShopRamp.Stage> knee = knee();
    lines.add(String.format(Locale.ROOT,
        "BENCH shop_sagas_per_s=%.1f bare_sagas_per_s=%.1f ratio=%.2f place_p99_ms=%d step_p99_ms=%d open_%s_vs_1k=%.2f async_cost=%.2f stack_rss_mib=%d",
        shopSagasPerSecond(), engine.bare().sagasPerSecond(), shopSagasPerSecond() / engine.bare().sagasPerSecond(),
        knee.map(stage -> stage.crowd().placementP99Millis()).orElse(0L), knee.map(stage -> stage.crowd().sagaStepP99Millis()).orElse(0L),
        thousands(engine.many().open()), manyOpenVsFew(), asyncCost(), knee.map(stage -> stage.memory().totalMemoryMib()).orElse(0L)));
    return lines;
  }

  /**
   * What one more order costs the machine: the slope of the machine's busy share against the arrival
   * rate, by least squares over the stages after the first (its JVMs still compiling). What a stage
   * costs whatever its rate (the crowd's catalog, the invariants' reads) falls into the intercept,
   * with what the stack uses at rest. Empty with fewer than two such stages.
   */
  Optional<CpuPerOrder> cpuPerOrder() {
    List<ShopRamp.Stage> measured = stages.size() > 1 ? stages.subList(1, stages.size()) : List.of();
    if (measured.size() < 2) {
      return Optional.empty();
    }
    double meanRate = measured.stream().mapToDouble(ShopRamp.Stage::arrivalsPerSecond).average().orElseThrow();
    double meanBusy = measured.stream().mapToDouble(ShopRamp.Stage::busyPercent).average().orElseThrow();
    double covariance = measured.stream().mapToDouble(stage -> (stage.arrivalsPerSecond() - meanRate) * (stage.busyPercent() - meanBusy)).sum();
    double variance = measured.stream().mapToDouble(stage -> Math.pow(stage.arrivalsPerSecond() - meanRate, 2)).sum();
    double slope = covariance / variance;
    return slope > 0 ? Optional.of(new CpuPerOrder(10 * slope, meanBusy - slope * meanRate)) : Optional.empty();
  }

  /** @param millis CPU time one more order takes, @param busyPercentAtNoOrders the intercept, in percent of one core */
  record CpuPerOrder(double millis, double busyPercentAtNoOrders) {

    /** The orders per second at which these cores would be fully busy. */
    double ceiling(int cores) {
      return (100.0 * cores - busyPercentAtNoOrders) / (millis / 10);
    }
  }

  /** The ceiling the cores put on the shop, and so on its ratio to the bare engine, whatever latency allows. */
  String cpuCeiling(int cores) {
    return cpuPerOrder().map(cost -> String.format(Locale.ROOT,
            "CPU per order: the whole shop %.0f ms (every part and the load driver; %.0f%% of a core at no orders), the bare engine %.0f ms "
                + "per saga; %d cores allow the shop at most %.1f orders/s, a ratio of %.2f to the bare engine",
            cost.millis(), cost.busyPercentAtNoOrders(), engine.bare().cpuMillisPerSaga(), cores, cost.ceiling(cores),
            cost.ceiling(cores) / engine.bare().sagasPerSecond()))
        .orElse("CPU per order: too few stages to tell");
  }

  private static String thousands(int open) {
    return open % 1000 == 0 ? (open / 1000) + "k" : String.valueOf(open);
  }
}
