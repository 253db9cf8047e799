package io.sagashop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests' PostgreSQL on a machine that never ran them: an empty temp directory, so the binaries
 * are unpacked for the first time, with the server's JVM as small as it always runs.
 */
@Tag("integration")
class TestPostgresFirstRunTest {

  @TempDir Path emptyTempDirectory;

  @Test
  void shouldStartTheTestsPostgresOnAMachineThatNeverUnpackedIt() throws Exception {
    // Given a test JVM whose temp directory is empty
    Process testJvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + emptyTempDirectory,
                "-cp",
                System.getProperty("java.class.path"),
                FirstDatabaseMain.class.getName())
            .redirectErrorStream(true)
            .start();

    // When it asks for a database
    String output = new String(testJvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(testJvm.waitFor(3, TimeUnit.MINUTES)).isTrue();

    // Then it gets one that answers, and the binaries are where its temp directory is
    assertThat(testJvm.exitValue()).as(output).isZero();
    assertThat(output).contains("answered 1");
    assertThat(emptyTempDirectory.resolve("sagashop-postgres")).isDirectory();
  }

  /** A test JVM in miniature: one database from {@link TestPostgres}, one query. */
  public static final class FirstDatabaseMain {

    public static void main(String[] args) throws Exception {
      String url = TestPostgres.newDatabase("first_run");
      try (Connection connection = DriverManager.getConnection(url, "postgres", "");
          ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
        one.next();
        System.out.println("answered " + one.getInt(1));
      }
    }
  }
}
