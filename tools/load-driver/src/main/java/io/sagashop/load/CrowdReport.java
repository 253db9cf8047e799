package io.sagashop.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a crowd run and the invariants it broke, printed for a person and, in the last
 * line, for a script ({@code CROWD key=value ...}).
 *
 * @param settled how long the shop took to come to rest after the last customer was done
 * @param refusals placement and cancellation calls the shop refused as overloaded or unavailable (429/503) or left unanswered
 * @param incidents incidents the crowd's sagas raised, resolved or not
 */
public record CrowdReport(
    CrowdPlan plan,
    String runId,
    int delivered,
    int cancelled,
    int outOfStock,
    Duration took,
    Duration settled,
    List<StepTimes.Summary> steps,
    int refusals,
    int incidents,
    int deadLetters,
    int invariants,
    List<String> broken) implements CommandLine.Report {

  /** Every invariant holds. */
  @Override
  public boolean holds() {
    return broken.isEmpty();
  }

  /** Orders brought to their end per second, placement to the last customer's end. */
  public double sagasPerSecond() {
    return plan.orders() / Math.max(took.toMillis() / 1000.0, 0.001);
  }

  /** The 99th percentile of placing an order (POST /orders, tried again on 429/503), in ms. */
  public long placementP50Millis() {
    return steps.stream().filter(step -> step.step() == Step.PLACE).mapToLong(StepTimes.Summary::p50Millis).max().orElse(0);
  }

  public long placementP99Millis() {
    return steps.stream().filter(step -> step.step() == Step.PLACE).mapToLong(StepTimes.Summary::p99Millis).max().orElse(0);
  }

  /**
   * The slowest 99th percentile of the saga's own steps: from a customer's or seller's action to
   * the order's next status. The seller's own time to confirm a deposit is not the shop's.
   */
  public long sagaStepP99Millis() {
    return steps.stream().filter(step -> step.step() != Step.PLACE && step.step() != Step.SELLER_CONFIRMS)
        .mapToLong(StepTimes.Summary::p99Millis).max().orElse(0);
  }

  @Override
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT,
        "Crowd %s: %d orders, %s (seed %d): %d delivered, %d cancelled by the customer, %d out of stock",
        runId, plan.orders(), plan.openLoop() ? String.format(Locale.ROOT, "%.2f arriving per second", plan.arrivalsPerSecond())
            : plan.concurrency() + " at once", plan.seed(), delivered, cancelled, outOfStock));
    lines.add(String.format(Locale.ROOT,
        "Done in %.1f s (%.2f sagas/s); the shop was at rest %.1f s later", took.toMillis() / 1000.0, sagasPerSecond(), settled.toMillis() / 1000.0));
    lines.add(String.format(Locale.ROOT, "  %-48s %6s %8s %8s %8s", "step", "orders", "p50 ms", "p99 ms", "max ms"));
    for (StepTimes.Summary step : steps) {
      lines.add(String.format(Locale.ROOT, "  %-48s %6d %8d %8d %8d",
          step.step().label(), step.count(), step.p50Millis(), step.p99Millis(), step.maxMillis()));
    }
    lines.add(String.format(Locale.ROOT, "Refused or unanswered calls, sent again: %d; incidents: %d; dead letters: %d", refusals, incidents, deadLetters));
    if (holds()) {
      lines.add("All " + invariants + " invariants hold.");
    } else {
      lines.add("Broken invariants:");
      broken.forEach(line -> lines.add("  - " + line));
    }
    lines.add(String.format(Locale.ROOT,
        "CROWD orders=%d concurrency=%d sagas_per_s=%.2f incidents=%d dead_letters=%d refusals=%d broken=%d",
        plan.orders(), plan.concurrency(), sagasPerSecond(), incidents, deadLetters, refusals, broken.size()));
    return lines;
  }
}
