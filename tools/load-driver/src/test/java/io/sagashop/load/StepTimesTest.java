package io.sagashop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StepTimesTest {

  @Test
  void shouldSummariseAStepByNearestRankPercentiles() {
    StepTimes times = new StepTimes();
    LongStream.rangeClosed(1, 200).forEach(millis -> times.record(Step.CLOSED, Duration.ofMillis(millis)));

    assertThat(times.summary(Step.CLOSED)).contains(new StepTimes.Summary(Step.CLOSED, 200, 100, 198, 200));
  }

  @Test
  void shouldLeaveOutAStepNoOrderWentThrough() {
    assertThat(new StepTimes().summary(Step.CANCELLED)).isEmpty();
  }

  @Test
  void shouldTakeTheOnlyValueForEveryPercentileOfOne() {
    StepTimes times = new StepTimes();
    times.record(Step.PLACE, Duration.ofMillis(42));

    assertThat(times.summary(Step.PLACE)).contains(new StepTimes.Summary(Step.PLACE, 1, 42, 42, 42));
  }
}
