package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each cause a newcomer can hit at start-up reads as one line that says what to do. */
class StartupFailureTest {

  private static final Path LOG = Path.of("/checkout/.sagashop/logs/order-service.log");

  @Test
  void shouldSayWhichPartRanOutOfHeapAndHowToGiveItMore() {
    String line = explain(
        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
        "\tat io.zonky.test.db.postgres.embedded.EmbeddedPostgres.extractTxz(EmbeddedPostgres.java:722)");

    assertThat(line).isEqualTo("order-service ran out of Java heap while starting: raise -Xmx in SAGASHOP_JVM_OPTS. (log: "
        + LOG + ")");
  }

  @Test
  void shouldSayTheMachineHasTooLittleMemoryWhenTheJvmCannotEvenStart() {
    String line = explain(
        "# There is insufficient memory for the Java Runtime Environment to continue.",
        "# Native memory allocation (mmap) failed to map 536870912 bytes for committing reserved memory.");

    assertThat(line).startsWith("The machine has too little free memory to start order-service: close other programs");
  }

  @Test
  void shouldSayTheDiskIsFull() {
    String line = explain("2026-11-21 ERROR o.f.c.FlywayExecutor - could not extend file: No space left on device");

    assertThat(line).startsWith("The disk is full: order-service cannot write. Free some space");
  }

  @Test
  void shouldNameThePortThatIsTaken() {
    String line = explain(
        "***************************",
        "APPLICATION FAILED TO START",
        "***************************",
        "",
        "Description:",
        "",
        "Web server failed to start. Port 8081 was already in use.",
        "",
        "Action:",
        "",
        "Identify and stop the process that's listening on port 8081 or configure this application to listen on another port.");

    assertThat(line).startsWith("order-service cannot listen on port 8081: another program uses it.");
  }

  @Test
  void shouldPassOnSpringBootsOwnDescriptionAndAction() {
    String line = explain(
        "APPLICATION FAILED TO START",
        "Description:",
        "",
        "Failed to configure a DataSource: 'url' attribute is not specified.",
        "",
        "Action:",
        "",
        "Consider defining a bean of type 'javax.sql.DataSource' in your configuration.");

    assertThat(line).isEqualTo("order-service did not start: Failed to configure a DataSource: 'url' attribute is not "
        + "specified. Consider defining a bean of type 'javax.sql.DataSource' in your configuration. (log: " + LOG + ")");
  }

  @Test
  void shouldPassOnWhyThePostgresBinariesCannotBeUnpacked() {
    String line = explain(
        "Exception in thread \"main\" io.sagashop.postgres.PostgresBinariesException: The unpacked PostgreSQL in "
            + "/tmp/sagashop-postgres/PG-1/bin/postgres cannot run (Permission denied).",
        "\tat io.sagashop.postgres.PostgresBinaries.requireRunnable(PostgresBinaries.java:250)");

    assertThat(line).startsWith("The unpacked PostgreSQL in /tmp/sagashop-postgres/PG-1/bin/postgres cannot run");
  }

  @Test
  void shouldFallBackToTheLastErrorWithoutItsStackFrames() {
    String line = explain(
        "12:00:01 INFO starting",
        "12:00:02 ERROR SpringApplication - Application run failed",
        "java.lang.IllegalStateException: the outbox table is missing",
        "\tat io.sagashop.platform.events.EventOutbox.start(EventOutbox.java:10)");

    assertThat(line).isEqualTo(
        "order-service stopped while starting: java.lang.IllegalStateException: the outbox table is missing (log: " + LOG + ")");
  }

  @Test
  void shouldExplainALauncherFailureInOneLine() {
    String line = StartupFailure.explain(new UncheckedIOException(new IOException("No space left on device")));

    assertThat(line).startsWith("The disk is full").doesNotContain("\n");
  }

  private static String explain(String... logLines) {
    String line = StartupFailure.explain("order-service", List.of(logLines), LOG, "raise -Xmx in SAGASHOP_JVM_OPTS");
    assertThat(line).doesNotContain("\n");
    return line;
  }
}
