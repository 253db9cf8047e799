package io.sagashop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosArgumentsTest {

  @Test
  void shouldReadEveryOption() {
    ChaosArguments arguments = ChaosArguments.parse(
        List.of("--orders", "2000", "--concurrency", "32", "--replicas", "3", "--kills", "40", "--seed", "7"));

    assertThat(arguments).isEqualTo(new ChaosArguments(2000, 32, 3, 40, 7));
  }

  @Test
  void shouldRunThreeHundredOrdersOnTwoReplicasWithTwelveKillsByDefault() {
    ChaosArguments arguments = ChaosArguments.parse(List.of());

    assertThat(arguments.orders()).isEqualTo(300);
    assertThat(arguments.replicas()).isEqualTo(2);
    assertThat(arguments.kills()).isEqualTo(12);
  }

  @Test
  void shouldRefuseOneReplicaAndFewerKillsThanKindsOfParts() {
    assertThatThrownBy(() -> ChaosArguments.parse(List.of("--replicas", "1")))
        .hasMessage("--replicas must be between 2 and 9, but is 1");
    assertThatThrownBy(() -> ChaosArguments.parse(List.of("--kills", "3")))
        .hasMessage("--kills must be between 4 and 1000, but is 3");
    assertThatThrownBy(() -> ChaosArguments.parse(List.of("--chaos-monkeys", "3")))
        .hasMessageStartingWith("Unknown option --chaos-monkeys");
  }
}
