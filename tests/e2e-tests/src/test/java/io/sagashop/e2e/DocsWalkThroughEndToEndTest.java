package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's curl walk-through, run as written against the shop: its command blocks in one
 * bash session, with the ports of this test's stack for the README's, every curl failing on an HTTP
 * error, and between the blocks only the wait a reader makes ("a moment later"). Before, the
 * walk-through called the orders, payments, deliveries and products without the tokens they need.
 */
@Tag("integration")
class DocsWalkThroughEndToEndTest {

  private static final Path ROOT = Path.of(System.getProperty("sagashop.root", "../..")).toAbsolutePath().normalize();
  private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
  private static final String DOCS_CUSTOMER = "./sagashop token alice ";
  private static final Pattern ORDER_LINE = Pattern.compile("(?m)^ORDER=([0-9a-f-]{36})$");

  private final LocalStack stack = ShopStack.get();

  @Test
  void shouldRunTheCurlWalkThroughAsWritten() throws Exception {
    List<String> blocks = walkThroughBlocks();
    assertThat(blocks).as("the walk-through's command blocks").hasSize(4);

    String script = String.join("\n",
        "set -euo pipefail",
        // a reader sees an error answer; the test fails on it
        "curl() { command curl --fail-with-body \"$@\" || { status=$?; echo \"failed ($status): curl $*\" >&2; return $status; }; }",
        blocks.get(0),
        "echo; echo ORDER=$ORDER",
        awaitStatus("AWAITING_DEPOSIT"),
        blocks.get(1),
        blocks.get(2),
        awaitStatus("IN_DELIVERY"),
        blocks.get(3),
        // what the walk-through promises at its end, as alice sees it
        awaitStatus("CLOSED"),
        "echo; echo FINALLY=$(command curl -s -H \"$CUSTOMER\" localhost:8081/orders/$ORDER | jq -r .status)");
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", withTheStacksPorts(script)).directory(ROOT.toFile()).redirectErrorStream(true);
    // ./sagashop token finds this stack as it finds ./sagashop run's: by its ports and data directory
    for (ShopService service : ShopService.values()) {
      builder.environment().put(service.portVariable(), String.valueOf(stack.settings().port(service)));
    }
    builder.environment().put("SAGASHOP_DATA_DIR", stack.settings().dataDirectory().toString());
    Process bash = builder.start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(bash.exitValue()).as("the walk-through's output:%n%s", output).isZero();
    Matcher order = ORDER_LINE.matcher(output);
    assertThat(order.find()).as("the walk-through placed an order:%n%s", output).isTrue();
    assertThat(output).contains("\"status\":\"IN_DELIVERY\"", "\"trackingNumber\"", "\"stock\"", "FINALLY=CLOSED");
  }

  /** What a reader does between two blocks: look at the order until it has moved on. */
  private String awaitStatus(String status) {
    return "for attempt in $(seq 1 " + ShopClient.STEP.toSeconds() + "); do\n"
        + "  command curl -s -H \"$CUSTOMER\" localhost:8081/orders/$ORDER | grep -q '\"status\":\"" + status + "\"' && break\n"
        + "  sleep 1\n"
        + "done";
  }

  /**
   * The README's ports (8080 ... 8085) become this stack's, and the walk-through's customer one of
   * this run's own (the shared stack's other tests have an alice of their own, with another password).
   */
  private String withTheStacksPorts(String script) {
    assertThat(script).contains(DOCS_CUSTOMER);
    String result = script.replace(DOCS_CUSTOMER, "./sagashop token reader-" + UUID.randomUUID().toString().substring(0, 8) + " ");
    for (ShopService service : ShopService.values()) {
      result = result.replace("localhost:" + service.defaultPort(), "localhost:" + stack.settings().port(service));
    }
    return result;
  }

  private static List<String> walkThroughBlocks() throws IOException {
    String api = Files.readString(ROOT.resolve("docs/api.md"));
    int start = api.indexOf("## The whole walk-through with curl");
    assertThat(start).as("docs/api.md has its walk-through").isNotNegative();
    int end = api.indexOf("\n## ", start + 1);
    Matcher blocks = BASH_BLOCK.matcher(end < 0 ? api.substring(start) : api.substring(start, end));
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      found.add(blocks.group(1));
    }
    return found;
  }
}
