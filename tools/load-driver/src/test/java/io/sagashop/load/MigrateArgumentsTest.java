package io.sagashop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrateArgumentsTest {

  @Test
  void shouldMoveEveryOlderVersionsSagasByDefault() {
    assertThat(MigrateArguments.parse(List.of())).isEqualTo(new MigrateArguments(false, Optional.empty()));
  }

  @Test
  void shouldReadTheDryRunAndTheVersionToMoveFromInAnyOrder() {
    assertThat(MigrateArguments.parse(List.of("--from", "7", "--dry-run"))).isEqualTo(new MigrateArguments(true, Optional.of(7)));
    assertThat(MigrateArguments.parse(List.of("--dry-run", "--from", "7"))).isEqualTo(new MigrateArguments(true, Optional.of(7)));
  }

  @Test
  void shouldRefuseAVersionThatCannotBeOneAndAnUnknownOption() {
    assertThatThrownBy(() -> MigrateArguments.parse(List.of("--from", "0"))).hasMessage("--from must be between 1 and 2147483647, but is 0");
    assertThatThrownBy(() -> MigrateArguments.parse(List.of("--from", "latest"))).hasMessage("--from must be a whole number, but is 'latest'");
    assertThatThrownBy(() -> MigrateArguments.parse(List.of("--from"))).hasMessageStartingWith("--from needs a value");
    assertThatThrownBy(() -> MigrateArguments.parse(List.of("--all"))).hasMessageStartingWith("Unknown option --all");
  }
}
