package io.sagashop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeDrillArgumentsTest {

  @Test
  void shouldReadEveryOptionAndRunTwoHundredOrdersByDefault() {
    assertThat(UpgradeDrillArguments.parse(List.of("--orders", "400", "--concurrency", "8", "--seed", "3")))
        .isEqualTo(new UpgradeDrillArguments(400, 8, 3));
    assertThat(UpgradeDrillArguments.parse(List.of()).orders()).isEqualTo(200);
  }

  @Test
  void shouldRefuseTooFewOrdersToHaveSomeBeforeDuringAndAfterTheRollout() {
    assertThatThrownBy(() -> UpgradeDrillArguments.parse(List.of("--orders", "10")))
        .hasMessage("--orders must be between 20 and 1000000, but is 10");
    assertThatThrownBy(() -> UpgradeDrillArguments.parse(List.of("--replicas", "3")))
        .hasMessageStartingWith("Unknown option --replicas");
  }
}
