package io.sagashop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.load.CrowdPlan;
import io.sagashop.load.CrowdReport;
import io.sagashop.load.Step;
import io.sagashop.load.StepTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The knee: the last rate at which every order ended as planned, nothing was refused and latency stayed bounded. */
class ShopRampTest {

  @Test
  void shouldPutTheKneeBeforeTheFirstRateWhoseLatencyPassedWhatCustomersNotice() {
    List<ShopRamp.Stage> stages = List.of(
        stage(1.0, 1800, 3300, 0, List.of()),  // warming up: judged on its orders alone
        stage(1.5, 90, 100, 0, List.of()),
        stage(2.25, 950, 1900, 0, List.of()),  // ten times slower, still within 1 s and 2 s
        stage(3.38, 300, 2100, 0, List.of()),  // a saga step past 2 s
        stage(5.06, 90, 100, 0, List.of()));

    assertThat(ShopRamp.knee(stages)).hasValueSatisfying(knee -> assertThat(knee.arrivalsPerSecond()).isEqualTo(2.25));
    assertThat(ShopRamp.knee(List.of(stage(1.0, 90, 100, 0, List.of()), stage(1.5, 1100, 100, 0, List.of()))))
        .as("placing past 1 s")
        .hasValueSatisfying(knee -> assertThat(knee.arrivalsPerSecond()).isEqualTo(1.0));
  }

  @Test
  void shouldEndTheRampAtABrokenInvariantOrARefusedCallWhateverTheLatency() {
    assertThat(ShopRamp.knee(List.of(stage(1.0, 300, 300, 0, List.of()), stage(1.5, 300, 300, 0, List.of("an order was lost")))))
        .hasValueSatisfying(knee -> assertThat(knee.arrivalsPerSecond()).isEqualTo(1.0));
    assertThat(ShopRamp.knee(List.of(stage(1.0, 300, 300, 2, List.of())))).isEmpty();
  }

  private static ShopRamp.Stage stage(double rate, long placeP99, long stepP99, int refusals, List<String> broken) {
    List<StepTimes.Summary> steps = List.of(
        new StepTimes.Summary(Step.PLACE, 30, placeP99 / 2, placeP99, placeP99),
        new StepTimes.Summary(Step.DEPOSIT_REQUESTED, 30, stepP99 / 2, stepP99, stepP99),
        new StepTimes.Summary(Step.SELLER_CONFIRMS, 30, 5_000, 20_000, 20_000));
    CrowdReport crowd = new CrowdReport(CrowdPlan.arriving(30, rate, 10, 1), "run", 25, 3, 2, Duration.ofSeconds(40), Duration.ofSeconds(5),
        steps, refusals, 0, 0, 12, broken);
    return new ShopRamp.Stage(rate, crowd, Map.of(), 0, new StackResources.Reading(0, Map.of(), Map.of()), new ShopCounters.Reading(0, 0), Instant.EPOCH, Instant.EPOCH);
  }
}
