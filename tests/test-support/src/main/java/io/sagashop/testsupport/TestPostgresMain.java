package io.sagashop.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;

/**
 * Runs the tests' PostgreSQL in a JVM of its own that ends only after the test JVM has ended.
 * In the test JVM itself the embedded server's shutdown hook would stop the database while the
 * Spring contexts are still closing (Camunda's job executor writes then), and every module's test
 * run would hang on the connection timeout.
 *
 * <p>Arguments: the port, and the working directory whose binaries {@link
 * io.sagashop.postgres.PostgresBinaries} unpacked.
 */
public final class TestPostgresMain {

  private TestPostgresMain() {}

  public static void main(String[] args) throws IOException {
    EmbeddedPostgres.builder()
        .setPort(Integer.parseInt(args[0]))
        .setOverrideWorkingDirectory(new File(args[1]))
        .start();
    ProcessHandle.current().parent().ifPresent(testJvm -> testJvm.onExit().join());
    // The embedded server's own shutdown hook stops PostgreSQL and removes its data.
    System.exit(0);
  }
}
