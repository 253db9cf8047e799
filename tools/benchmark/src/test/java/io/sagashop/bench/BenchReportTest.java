package io.sagashop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.load.CrowdPlan;
import io.sagashop.load.CrowdReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last line is what scripts and the docs read: exactly the keys, in its order. */
class BenchReportTest {

  @Test
  void shouldEndWithTheBenchLineOfTheKneeTheBareEngineAndTheOpenSagas() {
    BenchReport report = new BenchReport(
        List.of(stage(1.0, List.of()), stage(1.5, List.of()), stage(2.25, List.of("an order was lost"))),
        Path.of("plot.png"),
        new BenchReport.BareFigures(
            new BareEngine.Throughput(1000, Duration.ofSeconds(10), 20),
            40_960,
            new BareEngine.Throughput(1000, Duration.ofSeconds(4), 8),
            latencies(1_000, 2.0),
            latencies(100_000, 3.0)),
        List.of(new Profiles.Profile("orchestrator", 200, inOrder("org.camunda.bpm", 120, "org.apache.ibatis", 80),
            Map.of("JobEntity.insert", 30))));

    List<String> lines = report.lines();

    assertThat(lines.get(lines.size() - 1)).isEqualTo(
        "BENCH shop_sagas_per_s=1.5 bare_sagas_per_s=100.0 ratio=0.02 place_p99_ms=0 step_p99_ms=0 open_100k_vs_1k=1.50 async_cost=2.50 stack_rss_mib=2");
    assertThat(lines).contains("  BROKEN at 2.25/s: an order was lost", "  history per closed order:    40 KiB (removed 180 days after the order ended)",
        "  orchestrator (200 samples): org.camunda.bpm 60%, org.apache.ibatis 40%; hottest: JobEntity.insert 15%");
    // the machine is 20% + 12% per order/s busy after the first stage: 120 ms per order; the other 180% do 15 orders/s
    assertThat(report.cpuCeiling(2))
        .isEqualTo("CPU per order: the whole shop 120 ms (every part and the load driver; 20% of a core at no orders), the bare engine 20 ms "
            + "per saga; 2 cores allow the shop at most 15.0 orders/s, a ratio of 0.15 to the bare engine");
    assertThat(report.holds()).as("an order lost at any rate breaks the benchmark").isFalse();
  }

  private static ShopRamp.Stage stage(double rate, List<String> broken) {
    CrowdReport crowd = new CrowdReport(CrowdPlan.arriving(30, rate, 10, 1), "run", 25, 3, 2, Duration.ofSeconds(40), Duration.ofSeconds(5),
        List.of(), 0, 0, 0, 12, broken);
    return new ShopRamp.Stage(rate, crowd, Map.of("orchestrator", 12.0 * rate, StackResources.LOAD_DRIVER, 20.0), 6.0,
        new StackResources.Reading(0, Map.of(), Map.of("orchestrator", 2048L)), new ShopCounters.Reading(3000, 300),
        Instant.EPOCH, Instant.EPOCH);
  }

  private static Map<String, Integer> inOrder(String first, int firstCount, String second, int secondCount) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put(first, firstCount);
    counts.put(second, secondCount);
    return counts;
  }

  private static OpenOrders.Latencies latencies(int open, double millis) {
    OpenOrders.Latencies latencies = new OpenOrders.Latencies(open);
    for (Percentiles calls : List.of(latencies.correlation(), latencies.taskOfOrder(), latencies.sellersFirstPage(), latencies.jobAcquisition())) {
      calls.record(Duration.ofNanos((long) (millis * 1_000_000)));
    }
    return latencies;
  }
}
