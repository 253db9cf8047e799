package io.sagashop.bench;

import io.sagashop.load.Crowd;
import io.sagashop.load.CrowdPlan;
import io.sagashop.load.CrowdReport;
import io.sagashop.load.ShopAddress;
import io.sagashop.stack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole shop under a rising arrival rate: at each rate, customers arrive for a while whatever
 * the shop does (an open loop), order, pay, cancel or receive as the crowd's customers do, and
 * sellers confirm deposits over the engine REST API; then the crowd's invariants are checked. The
 * rate rises until a stage breaks: an invariant broken, a call refused, or the shop's latency past
 * what its customers notice: the 99th percentile of placing an order over {@value #PLACEMENT_P99_MILLIS}
 * ms, or of a saga step over {@value #STEP_P99_MILLIS} ms (the page shows a new status every 2 s: a
 * step within that is one refresh). The first stage warms the JVMs up and is judged on its orders
 * alone. The last stage that held is the knee: the sagas per second the shop sustains here.
 *
 * <p>Why not latency relative to the lowest rate's: with 30 s stages, a p99 is the second or third
 * slowest call, and "three times the lowest p99" broke at 5 orders/s on two calls of 300 ms while
 * the median placement took 10 ms. Past the knee a queue builds up within the stage, and the p99
 * leaves any such objective far behind (6.6 s at 11.4 orders/s).
 */
final class ShopRamp {

  /** One rate, what the crowd saw, and what the stack used meanwhile. */
  record Stage(double arrivalsPerSecond, CrowdReport crowd, Map<String, Double> cpuPercent, double cpuSeconds, StackResources.Reading memory,
      ShopCounters.Reading written, Instant began, Instant ended) {

    /** CPU time of the whole machine's work per order: every part of the shop and the load driver. */
    double cpuMillisPerOrder() {
      return 1000 * cpuSeconds / crowd.plan().orders();
    }

    /** How busy the machine was: every part and the load driver, in percent of one core. */
    double busyPercent() {
      return cpuPercent.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double commitsPerOrder() {
      return (double) written.commits() / crowd.plan().orders();
    }

    double recordsPerOrder() {
      return (double) written.records() / crowd.plan().orders();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%5.2f orders/s: %d orders, placement p50 %d ms p99 %d ms, slowest saga step p99 %d ms, refused %d, broken %d; "
              + "%.0f commits, %.1f Kafka records and %.0f ms CPU per order (the machine %.0f%% busy, the load driver %.0f%%)",
          arrivalsPerSecond, crowd.plan().orders(), crowd.placementP50Millis(), crowd.placementP99Millis(), crowd.sagaStepP99Millis(), crowd.refusals(),
          crowd.broken().size(), commitsPerOrder(), recordsPerOrder(), cpuMillisPerOrder(),
          busyPercent(), cpuPercent.getOrDefault(StackResources.LOAD_DRIVER, 0.0));
    }
  }

  static final long PLACEMENT_P99_MILLIS = 1_000;
  static final long STEP_P99_MILLIS = 2_000;
  private static final double FIRST_RATE = 1.0;
  private static final double STEP = 1.5;
  /** The most customers under way at once; beyond, the shop is far past its knee anyway. */
  private static final int MOST_AT_ONCE = 300;

  private final LocalStack stack;
  private final Duration stageLength;
  private final double highestRate;
  private final long seed;
  private final Consumer<String> progress;

  ShopRamp(LocalStack stack, Duration stageLength, double highestRate, long seed, Consumer<String> progress) {
    this.stack = stack;
    this.stageLength = stageLength;
    this.highestRate = highestRate;
    this.seed = seed;
    this.progress = progress;
  }

  /** Every stage run, the last one the first that broke (unless the highest rate held). */
  List<Stage> run() {
    ShopCounters counters = new ShopCounters(stack);
    List<Stage> stages = new ArrayList<>();
    for (double rate = FIRST_RATE; rate <= highestRate; rate *= STEP) {
      int orders = (int) Math.ceil(rate * stageLength.toSeconds());
      progress.accept(String.format(Locale.ROOT, "Whole shop: %.2f orders/s for %d s ...", rate, stageLength.toSeconds()));
      Instant began = Instant.now();
      StackResources.Reading before = StackResources.read(stack.settings().postgresDirectory());
      ShopCounters.Reading written = counters.read();
      CrowdReport crowd = Crowd.run(ShopAddress.of(stack), CrowdPlan.arriving(orders, rate, MOST_AT_ONCE, seed + stages.size()), line -> { });
      StackResources.Reading after = StackResources.read(stack.settings().postgresDirectory());
      Stage stage = new Stage(rate, crowd, StackResources.cpuPercent(before, after), StackResources.cpuSecondsBetween(before, after), after, counters.read().minus(written),
          began, Instant.now());
      stages.add(stage);
      progress.accept("  " + stage);
      if (!holds(stages.size() - 1, stages)) {
        break;
      }
    }
    return stages;
  }

  /** The last stage that held, if any did. */
  static Optional<Stage> knee(List<Stage> stages) {
    Stage knee = null;
    for (int i = 0; i < stages.size() && holds(i, stages); i++) {
      knee = stages.get(i);
    }
    return Optional.ofNullable(knee);
  }

  /** Whether the i-th stage held: its orders as planned, nothing refused, latency within the objectives (after the first). */
  static boolean holds(int i, List<Stage> stages) {
    CrowdReport crowd = stages.get(i).crowd();
    if (!crowd.holds() || crowd.refusals() > 0) {
      return false;
    }
    return i == 0 || crowd.placementP99Millis() <= PLACEMENT_P99_MILLIS && crowd.sagaStepP99Millis() <= STEP_P99_MILLIS;
  }
}
