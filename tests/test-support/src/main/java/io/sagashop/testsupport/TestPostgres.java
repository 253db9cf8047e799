package io.sagashop.testsupport;

import io.sagashop.postgres.PostgresBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One real PostgreSQL server per test JVM (see {@link TestPostgresMain}); every Spring test
 * context gets a database of its own, so contexts never see each other's rows.
 */
public final class TestPostgres {

  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String serverUrl;

  private TestPostgres() {}

  /** Creates an empty database and returns its JDBC URL. */
  public static String newDatabase(String prefix) {
    String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
    try (Connection connection = connect(server() + "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return server() + name;
  }

  private static synchronized String server() {
    if (serverUrl == null) {
      int port = freePort();
      // Unpacked here, in a streaming unpack that needs a few MiB: the server's own JVM stays small.
      PostgresBinaries binaries = PostgresBinaries.inTempDirectory();
      binaries.unpack();
      Process server;
      try {
        server = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                // Its data directory goes where this JVM keeps its temporary files.
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp",
                System.getProperty("java.class.path"),
                TestPostgresMain.class.getName(),
                String.valueOf(port),
                binaries.workingDirectory().toString())
            .inheritIO()
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the tests' PostgreSQL", e);
      }
      serverUrl = "jdbc:postgresql://localhost:" + port + "/";
      awaitReady(server);
    }
    return serverUrl;
  }

  private static void awaitReady(Process server) {
    Instant deadline = Instant.now().plus(STARTUP);
    while (true) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "The tests' PostgreSQL stopped while starting (exit " + server.exitValue() + "); its output is above");
      }
      try (Connection ignored = connect(serverUrl + "postgres")) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("The tests' PostgreSQL did not start within " + STARTUP, notYet);
        }
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
