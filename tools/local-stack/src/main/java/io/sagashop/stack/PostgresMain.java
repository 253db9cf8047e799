package io.sagashop.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point of the JVM that holds the embedded PostgreSQL server (real binaries from Maven
 * Central). It runs apart from the launcher so that the launcher decides when the database
 * stops: after the services, which still write while they shut down.
 *
 * <p>Arguments: data directory, port, and the working directory whose binaries {@link
 * io.sagashop.postgres.PostgresBinaries} unpacked.
 */
public final class PostgresMain {

  private PostgresMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path dataDirectory = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    File binaries = new File(args[2]);
    // The embedded server registers its own shutdown hook: SIGTERM to this JVM stops PostgreSQL.
    EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(binaries)
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("max_connections", "200")
        // zonky turns fsync off for tests; the shop's local data should survive a power cut.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        // Only this machine reaches the shop's data, whatever network the laptop is on.
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
        .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
        .start();
    ParentWatch.exitWithParent();
    new CountDownLatch(1).await();
  }
}
