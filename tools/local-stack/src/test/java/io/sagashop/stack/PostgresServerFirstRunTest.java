package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's PostgreSQL on a machine that never ran the shop: nothing unpacked, no data directory,
 * and the server's JVM as small as it always runs.
 */
@Tag("integration")
class PostgresServerFirstRunTest {

  @TempDir Path data;
  @TempDir Path emptyBinaries;

  @Test
  void shouldUnpackStartAndServeTheShopsDatabasesOnAFreshMachine() throws Exception {
    // Given a machine where the binaries were never unpacked
    StackSettings settings = StackSettings.forTests(Path.of("..", ".."), data).withPostgresBinaries(emptyBinaries);
    PostgresServer postgres = new PostgresServer(settings, new PidFile(data.resolve("stack.pids")));
    try {
      // When the stack starts its PostgreSQL and creates a service's database
      postgres.start();
      postgres.ensureDatabases(List.of("orders"));

      // Then the database answers, and its data stays in the stack's data directory
      try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"), postgres.user(), postgres.password());
          ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
      }
      assertThat(settings.postgresDirectory().resolve("PG_VERSION")).exists();
      try (var unpacked = Files.list(emptyBinaries)) {
        assertThat(unpacked.map(path -> path.getFileName().toString()).toList()).singleElement()
            .satisfies(name -> assertThat(name).startsWith("PG-"));
      }
    } finally {
      postgres.stop();
    }
  }
}
