package io.sagashop.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class PostgresBinariesTest {

  @TempDir Path workingDirectory;

  @Test
  void shouldUnpackInAHeapFarSmallerThanTheBinariesAndLetZonkyStartFromThem() throws Exception {
    // Given a machine that never unpacked them, and a JVM with a 32 MiB heap (the binaries are 57 MiB)
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                UnpackMain.class.getName(),
                workingDirectory.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    // When it unpacks
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();

    // Then zonky starts PostgreSQL from exactly those files, without unpacking anything itself
    Path binaries = Path.of(output.lines().reduce((first, last) -> last).orElseThrow().trim());
    FileTime unpackedAt = Files.getLastModifiedTime(binaries.resolve(".exists"));
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(workingDirectory.toFile()).start();
        Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SHOW server_version")) {
      assertThat(version.next()).isTrue();
      assertThat(version.getString(1)).startsWith("17.");
    }
    assertThat(Files.getLastModifiedTime(binaries.resolve(".exists"))).isEqualTo(unpackedAt);
    assertThat(Files.exists(binaries.resolve("epg-lock"))).isFalse();
  }

  @Test
  void shouldUnpackAgainWhatAnEarlierRunLeftTruncated() throws IOException {
    // Given an unpack whose postgres binary was cut short (a killed run, a full disk)
    PostgresBinaries binaries = PostgresBinaries.in(workingDirectory);
    Path directory = binaries.unpack();
    Path postgres = directory.resolve("bin/postgres");
    long size = Files.size(postgres);
    Files.write(postgres, new byte[] {0x7f, 'E', 'L', 'F'});

    // When the next run unpacks
    assertThat(PostgresBinaries.isComplete(directory)).isFalse();
    Path again = binaries.unpack();

    // Then it is whole again
    assertThat(again).isEqualTo(directory);
    assertThat(Files.size(postgres)).isEqualTo(size);
    assertThat(PostgresBinaries.isComplete(again)).isTrue();
  }

  @Test
  void shouldNotTrustADirectoryWithoutItsManifest() throws IOException {
    // Given a directory of the right name that an unpack of ours did not complete (no manifest)
    Path directory = PostgresBinaries.in(workingDirectory).unpack();
    Files.delete(directory.resolve(PostgresBinaries.MANIFEST));
    Files.delete(directory.resolve("bin/initdb"));

    // When unpacking, then it is replaced by a complete one
    Path again = PostgresBinaries.in(workingDirectory).unpack();
    assertThat(Files.isExecutable(again.resolve("bin/initdb"))).isTrue();
    assertThat(PostgresBinaries.isComplete(again)).isTrue();
  }

  @Test
  void shouldGiveEveryConcurrentCallerTheSameCompleteBinariesAndLeaveNoStagingBehind() throws Exception {
    // Given four callers that find nothing unpacked, at once (the stack and a test JVM starting together)
    PostgresBinaries binaries = PostgresBinaries.in(workingDirectory);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> results =
          callers.invokeAll(IntStream.range(0, 4).<Callable<Path>>mapToObj(i -> binaries::unpack).toList());

      // Then all get the same complete directory, and the working directory holds nothing else
      Path first = results.get(0).get();
      for (Future<Path> result : results) {
        assertThat(result.get()).isEqualTo(first);
      }
      assertThat(PostgresBinaries.isComplete(first)).isTrue();
      try (Stream<Path> entries = Files.list(workingDirectory)) {
        assertThat(entries.toList()).containsExactly(first);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void shouldRemoveWhatADeadProcessLeftWhileUnpacking() throws IOException {
    // Given the staging directory of a process that no longer exists
    Path abandoned = workingDirectory.resolve(".unpacking-" + Integer.MAX_VALUE + "-cafe");
    Files.createDirectories(abandoned.resolve("bin"));
    Files.writeString(abandoned.resolve("bin/postgres"), "half");

    // When unpacking, then it is gone
    Path directory = PostgresBinaries.in(workingDirectory).unpack();
    assertThat(abandoned).doesNotExist();
    assertThat(directory).exists();
  }

  @Test
  void shouldSayInOneLineWhenTheBinariesCannotRun() throws IOException {
    // Given binaries that cannot be executed (as on a temp directory mounted noexec)
    Path directory = PostgresBinaries.in(workingDirectory).unpack();
    Files.setPosixFilePermissions(directory.resolve("bin/postgres"), PosixFilePermissions.fromString("rw-r--r--"));

    // When starting, then the message says what is wrong and what to do, on one line
    assertThatThrownBy(() -> PostgresBinaries.in(workingDirectory).unpack())
        .isInstanceOf(PostgresBinariesException.class)
        .hasMessageContaining("cannot run")
        .hasMessageContaining("noexec")
        .hasMessageContaining("java.io.tmpdir")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void shouldSayInOneLineWhenTheWorkingDirectoryCannotBeWritten() throws IOException {
    // Given a working directory below a file, which no directory can be created in
    Path file = Files.writeString(workingDirectory.resolve("not-a-directory"), "");

    // When unpacking there, then the message names the place and what to do
    assertThatThrownBy(() -> PostgresBinaries.in(file.resolve("postgres")).unpack())
        .isInstanceOf(PostgresBinariesException.class)
        .hasMessageStartingWith("Cannot unpack the PostgreSQL binaries into " + file.resolve("postgres"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  /** A JVM that does nothing but unpack, so that its heap can be set small. */
  public static final class UnpackMain {

    public static void main(String[] args) {
      System.out.println(PostgresBinaries.in(Path.of(args[0])).unpack());
    }
  }
}
