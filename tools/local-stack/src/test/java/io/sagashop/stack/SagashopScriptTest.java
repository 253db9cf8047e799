package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sagashop} on a machine without the right JDK or Maven: one line that says what to install. */
class SagashopScriptTest {

  private static final Path SCRIPT = Path.of("..", "..", "sagashop").toAbsolutePath().normalize();

  @TempDir Path bin;

  @Test
  void shouldSayThatJavaHomeHoldsNoJava() throws Exception {
    Result result = run(Map.of("JAVA_HOME", bin.resolve("no-jdk").toString()));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lines()).singleElement().asString()
        .startsWith("sagashop: JAVA_HOME is " + bin.resolve("no-jdk") + ", but it has no bin/java");
  }

  @Test
  void shouldSayThatJava11IsTooOld() throws Exception {
    fake("java", "echo 'openjdk version \"11.0.2\" 2019-01-15' >&2");

    Result result = run(Map.of());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lines()).singleElement().asString()
        .startsWith("sagashop: sagashop needs Java 17 or newer, but java is version 11");
  }

  @Test
  void shouldSayThatAJavaRuntimeWithoutCompilerCannotBuild() throws Exception {
    fake("java", "echo 'Picked up JAVA_TOOL_OPTIONS: -Dx=y' >&2; echo 'openjdk version \"17.0.15\" 2025-04-15' >&2");

    Result result = run(Map.of());

    assertThat(result.lines()).singleElement().asString().contains("a Java runtime without a compiler");
  }

  @Test
  void shouldSayThatMaven36IsTooOld() throws Exception {
    fake("java", "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2");
    fake("javac", "exit 0");
    fake("mvn", "echo 'Apache Maven 3.6.3 (cecedd343002696d0abb50b32b541b8a6ba2883f)'");

    Result result = run(Map.of());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lines()).singleElement().asString()
        .startsWith("sagashop: sagashop needs Maven 3.8.1 or newer, but mvn is version 3.6.3");
  }

  private void fake(String command, String body) throws IOException {
    Path file = bin.resolve(command);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The script's {@code run}, with the fakes in front of the machine's own tools. */
  private Result run(Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "run").redirectErrorStream(true);
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output.lines().toList());
  }

  private record Result(int exitCode, List<String> lines) {}
}
