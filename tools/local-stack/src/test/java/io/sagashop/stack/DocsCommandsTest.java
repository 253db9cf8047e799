package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every command block a reader would paste from the README or docs/ says what runs it: a test
 * ({@code <!-- run-by: SomeTest -->}, a test of that name that reads that document), CI itself
 * ({@code <!-- run-by: .ci/run -->}, every command of the block in {@code .ci/run}), or why nothing
 * here can ({@code <!-- not-run: reason -->}). A new block with neither fails here.
 */
class DocsCommandsTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Pattern BLOCK = Pattern.compile("(?m)^(?:(<!-- (run-by|not-run): (.+?) -->)\\n)?```(?:bash|sh|shell|console)\\n(.*?)^```", Pattern.DOTALL);

  @Test
  void everyCommandBlockSaysWhatRunsIt() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    int blocks = 0;
    for (Path doc : documents()) {
      String name = ROOT.relativize(doc).toString();
      Matcher block = BLOCK.matcher(Files.readString(doc));
      while (block.find()) {
        blocks++;
        String firstLine = block.group(4).lines().findFirst().orElse("");
        if (block.group(1) == null) {
          softly.fail("%s: the block starting '%s' says neither <!-- run-by: ... --> nor <!-- not-run: ... -->", name, firstLine);
        } else if (block.group(2).equals("run-by")) {
          softly.assertThat(runs(block.group(3), name, block.group(4))).as("%s: '%s' is run by %s", name, firstLine, block.group(3)).isTrue();
        } else {
          softly.assertThat(block.group(3)).as("%s: '%s' says why it is not run", name, firstLine).hasSizeGreaterThan(20);
        }
      }
    }
    softly.assertAll();
    assertThat(blocks).as("command blocks found").isGreaterThan(5);
  }

  private static boolean runs(String runner, String doc, String commands) throws IOException {
    if (runner.equals(".ci/run")) {
      String ci = Files.readString(ROOT.resolve(".ci/run"));
      return commands.lines().map(line -> line.replaceAll("\\s+#.*$", "").trim()).filter(line -> !line.isEmpty()).allMatch(ci::contains);
    }
    List<Path> tests;
    try (Stream<Path> files = Files.walk(ROOT)) {
      tests = files.filter(file -> file.getFileName().toString().equals(runner + ".java") && file.toString().contains("/src/test/")).toList();
    }
    if (tests.size() != 1) {
      return false;
    }
    // the test, or the helper it runs docs' blocks with, names the document
    return Files.readString(tests.get(0)).contains(doc);
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(doc -> doc.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }
}
