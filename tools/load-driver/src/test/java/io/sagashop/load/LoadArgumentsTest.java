package io.sagashop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadArgumentsTest {

  @Test
  void shouldReadOrdersConcurrencyAndSeed() {
    LoadArguments arguments = LoadArguments.parse(List.of("--orders", "1000", "--concurrency", "32", "--seed", "7"));

    assertThat(arguments).isEqualTo(new LoadArguments(1000, 32, 7));
  }

  @Test
  void shouldRunTwoHundredOrdersSixteenAtOnceByDefault() {
    LoadArguments arguments = LoadArguments.parse(List.of());

    assertThat(arguments.orders()).isEqualTo(200);
    assertThat(arguments.concurrency()).isEqualTo(16);
  }

  @Test
  void shouldSayWhichOptionIsWrongAndWhy() {
    assertThatThrownBy(() -> LoadArguments.parse(List.of("--orders", "many")))
        .hasMessage("--orders must be a whole number, but is 'many'");
    assertThatThrownBy(() -> LoadArguments.parse(List.of("--concurrency", "0")))
        .hasMessage("--concurrency must be between 1 and 1000000, but is 0");
    assertThatThrownBy(() -> LoadArguments.parse(List.of("--orders")))
        .hasMessage("--orders needs a value, e.g. --orders 100");
    assertThatThrownBy(() -> LoadArguments.parse(List.of("--customers", "3")))
        .hasMessageStartingWith("Unknown option --customers");
  }
}
