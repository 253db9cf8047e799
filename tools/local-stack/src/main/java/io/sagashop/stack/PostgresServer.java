package io.sagashop.stack;

import io.sagashop.postgres.PostgresBinaries;
import io.sagashop.postgres.PostgresBinariesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server holding one database per service: an embedded one (real PostgreSQL
 * binaries from Maven Central, data kept under the stack's data directory) or an external one.
 */
final class PostgresServer {

  private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final StackSettings settings;
  private final ChildProcess process;

  PostgresServer(StackSettings settings, PidFile pids) {
    this.settings = settings;
    this.process =
        settings.externalPostgres().isPresent()
            ? null
            : new ChildProcess(
                "PostgreSQL",
                ChildProcess.java(
                    List.of("-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")),
                    PostgresMain.class.getName(),
                    settings.postgresDirectory().toString(),
                    String.valueOf(settings.postgresPort()),
                    settings.postgresBinaries().toString()),
                Map.of(),
                settings.logDirectory().resolve("postgres.log"),
                pids);
  }

  /** Starts the embedded server (if it is ours) and returns once it takes connections. */
  void start() {
    if (process != null) {
      unpackBinaries();
      endOrphanedServer(settings.postgresDirectory());
      process.start();
    }
    awaitReady();
  }

  void stop() {
    if (process != null) {
      process.stop();
    }
  }

  /**
   * A hard crash of the server: SIGKILL to the postmaster (its backends end when they see it gone)
   * and to the JVM that started it. PostgreSQL recovers from its write-ahead log on the next start.
   */
  void kill() {
    if (process == null) {
      return;
    }
    postmaster(settings.postgresDirectory()).ifPresent(postmaster -> {
      postmaster.destroyForcibly();
      postmaster.onExit().join();
    });
    process.kill();
  }

  boolean isRunning() {
    return process == null || process.isAlive();
  }

  boolean isEmbedded() {
    return process != null;
  }

  String jdbcUrl(String database) {
    return settings
        .externalPostgres()
        .map(external -> external.jdbcUrl(database))
        .orElseGet(() -> "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + database);
  }

  String user() {
    return settings.externalPostgres().map(StackSettings.ExternalPostgres::user).orElse("postgres");
  }

  String password() {
    return settings.externalPostgres().map(StackSettings.ExternalPostgres::password).orElse("");
  }

  /** Creates each database that does not exist yet. */
  void ensureDatabases(List<String> databases) {
    try (Connection connection = connect();
        PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        Statement create = connection.createStatement()) {
      for (String database : databases) {
        exists.setString(1, database);
        try (ResultSet found = exists.executeQuery()) {
          if (!found.next()) {
            create.execute("CREATE DATABASE " + database);
            log.info("Created database {}", database);
          }
        }
      }
    } catch (SQLException e) {
      throw new StackException("Cannot create the services' databases on " + jdbcUrl("postgres") + ": "
          + e.getMessage() + hint(), e);
    }
  }

  /**
   * Here, in the launcher, with a streaming unpack: the server's JVM stays at 64 MiB, which is too
   * little for zonky's own unpack on a machine that never ran the shop.
   */
  private void unpackBinaries() {
    try {
      PostgresBinaries.in(settings.postgresBinaries()).unpack();
    } catch (PostgresBinariesException e) {
      throw new StackException(e.getMessage(), e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP);
    while (true) {
      if (process != null && !process.isAlive()) {
        throw new StackException(process.whyItStopped("its JVM only holds the server's process, report this"));
      }
      try (Connection connection = connect()) {
        return;
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new StackException("PostgreSQL at " + jdbcUrl("postgres") + " did not answer within "
              + STARTUP.toSeconds() + "s: " + notYet.getMessage() + hint());
        }
      }
      Pause.briefly();
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
  }

  private String hint() {
    return settings.externalPostgres().isPresent()
        ? ". Check SAGASHOP_POSTGRES_URL, SAGASHOP_POSTGRES_USER and SAGASHOP_POSTGRES_PASSWORD."
        : ". See " + process.logFile();
  }

  /** A server left running by a launcher that was killed holds the data directory's lock. */
  private static void endOrphanedServer(Path directory) {
    Optional<ProcessHandle> orphan = postmaster(directory);
    if (orphan.isPresent()) {
      log.warn("Ending PostgreSQL {} left over from an earlier run", orphan.get().pid());
      orphan.get().destroy();
      orphan.get().onExit().join();
    }
  }

  /** The running server process named in the data directory's lock file, if any. */
  private static Optional<ProcessHandle> postmaster(Path directory) {
    Path lock = directory.resolve("postmaster.pid");
    if (!Files.exists(lock)) {
      return Optional.empty();
    }
    try {
      return Files.readAllLines(lock).stream()
          .findFirst()
          .map(String::trim)
          .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
          .filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      log.warn("Cannot read {}: {}", lock, e.getMessage());
      return Optional.empty();
    }
  }
}
