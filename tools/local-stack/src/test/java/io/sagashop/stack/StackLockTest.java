package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLockTest {

  @TempDir Path data;

  @Test
  void shouldRefuseASecondStackOnTheSameDataAndSayWhichOneRuns() {
    try (StackLock first = StackLock.acquire(data)) {
      assertThatThrownBy(() -> StackLock.acquire(data))
          .isInstanceOf(StackException.class)
          .hasMessageContaining("already running")
          .hasMessageContaining(String.valueOf(ProcessHandle.current().pid()));
    }
  }

  @Test
  void shouldBeFreeAgainOnceTheFirstStackStopped() {
    StackLock.acquire(data).close();
    StackLock.acquire(data).close();
  }
}
