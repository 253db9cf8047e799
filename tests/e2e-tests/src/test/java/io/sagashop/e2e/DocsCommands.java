package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command blocks of the docs, run as a reader pastes them into a terminal while the shop runs:
 * in one bash session in the project's directory, with this test's stack in place of the README's
 * ports and data directory (so {@code ./sagashop token} finds it as it finds {@code ./sagashop run}'s),
 * and every curl failing on an HTTP error, where a reader would see the error answer.
 */
final class DocsCommands {

  static final Path ROOT = Path.of(System.getProperty("sagashop.root", "../..")).toAbsolutePath().normalize();
  private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
  private static final String FAILING_CURL =
      "curl() { command curl --fail-with-body \"$@\" || { status=$?; echo \"failed ($status): curl $*\" >&2; return $status; }; }";

  private DocsCommands() {}

  /** The bash blocks of {@code doc} under the heading {@code section}, up to the next heading of its level. */
  static List<String> blocksOf(String doc, String section) {
    String text = read(doc);
    int start = text.indexOf(section);
    assertThat(start).as("%s has its section %s", doc, section).isNotNegative();
    int end = text.indexOf("\n## ", start + 1);
    return blocks(end < 0 ? text.substring(start) : text.substring(start, end));
  }

  /** The one bash block of {@code doc} that contains {@code text}. */
  static String blockWith(String doc, String text) {
    List<String> found = blocks(read(doc)).stream().filter(block -> block.contains(text)).toList();
    assertThat(found).as("the blocks of %s with %s", doc, text).hasSize(1);
    return found.get(0);
  }

  /** Runs the script's parts in one bash session against the stack, with these variables set; its output, stdout and stderr. */
  static Run run(LocalStack stack, Map<String, String> variables, String... parts) {
    String script = "set -euo pipefail\n" + FAILING_CURL + "\n" + String.join("\n", parts);
    for (ShopService service : ShopService.values()) {
      script = script.replace("localhost:" + service.defaultPort(), "localhost:" + stack.settings().port(service));
    }
    script = script.replace("localhost:" + StackSettings.DEFAULT_ENTRY_PORT, "localhost:" + stack.settings().entryPort());
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(ROOT.toFile()).redirectErrorStream(true);
    for (ShopService service : ShopService.values()) {
      builder.environment().put(service.portVariable(), String.valueOf(stack.settings().port(service)));
    }
    builder.environment().put(StackSettings.ENTRY_PORT_VARIABLE, String.valueOf(stack.settings().entryPort()));
    builder.environment().put("SAGASHOP_DATA_DIR", stack.settings().dataDirectory().toString());
    builder.environment().putAll(variables);
    try {
      Process bash = builder.start();
      String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(bash.waitFor(5, TimeUnit.MINUTES)).as("the commands ended:%n%s", output).isTrue();
      return new Run(bash.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Run(int exitValue, String output) {

    /** It ran to its end, as a reader would see it do. */
    Run succeeded() {
      assertThat(exitValue).as("the commands' output:%n%s", output).isZero();
      return this;
    }
  }

  private static List<String> blocks(String text) {
    Matcher blocks = BASH_BLOCK.matcher(text);
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      found.add(blocks.group(1));
    }
    return found;
  }

  private static String read(String doc) {
    try {
      return Files.readString(ROOT.resolve(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
