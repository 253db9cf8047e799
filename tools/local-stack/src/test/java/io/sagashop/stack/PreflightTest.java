package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightTest {

  @Test
  void shouldReadTheMemoryLinuxCanGiveNewProcesses() {
    List<String> meminfo = List.of("MemTotal:       24563148 kB", "MemFree:        20000000 kB",
        "MemAvailable:   23374452 kB", "Buffers:           12345 kB");

    assertThat(Preflight.parseMemAvailable(meminfo)).hasValue(23374452 / 1024);
  }

  @Test
  void shouldRefuseToStartWithTooLittleMemoryAndSayHowMuchIsNeeded() {
    assertThatThrownBy(() -> Preflight.requireMemory(900))
        .isInstanceOf(StackException.class)
        .hasMessage("Only 900 MiB of memory are free; the shop needs about 2048 MiB (five services, Kafka and "
            + "PostgreSQL). Close other programs and start again.");
    assertThatCode(() -> Preflight.requireMemory(4096)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseToStartOnAFullDiskAndSayWhereTheDataCanGo() {
    assertThatThrownBy(() -> Preflight.requireDisk(Path.of("/checkout/.sagashop"), 200))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("Only 200 MiB are free on the disk of /checkout/.sagashop")
        .hasMessageContaining("SAGASHOP_DATA_DIR");
  }

  @Test
  void shouldFindThisMachinesFreeMemory() {
    assertThat(Preflight.availableMemoryMib()).isPresent();
    assertThat(Preflight.availableMemoryMib().getAsLong()).isPositive();
  }
}
