package io.sagashop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class RecordFailuresTest {

  @Test
  void shouldGiveUpAtOnceOnPoisonAndOnDataTheDatabaseRefuses() {
    assertThat(RecordFailures.neverSucceeds(new ListenerExecutionFailedException("listener", new PoisonEventException("not an event")))).isTrue();
    SQLException tooLong = new SQLException("value too long for type character varying(32)", "22001");
    assertThat(RecordFailures.neverSucceeds(
        new ListenerExecutionFailedException("listener", new DataIntegrityViolationException("insert", tooLong)))).isTrue();
  }

  @Test
  void shouldRetryWhatPasses() {
    SQLException connectionLost = new SQLException("connection refused", "08001");
    SQLException duplicate = new SQLException("duplicate key", "23505");
    assertThat(RecordFailures.neverSucceeds(new DataAccessResourceFailureException("down", connectionLost))).isFalse();
    assertThat(RecordFailures.neverSucceeds(new DuplicateKeyException("race", duplicate))).isFalse();
    assertThat(RecordFailures.neverSucceeds(new IllegalStateException("orchestrator unreachable"))).isFalse();
  }
}
