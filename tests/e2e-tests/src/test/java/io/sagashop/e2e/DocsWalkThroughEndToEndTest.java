package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.stack.LocalStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's curl walk-through and the runbook's migration, run as written against the shop ({@link DocsCommands}): its
 * command blocks in one bash session, and between the blocks only the wait a reader makes ("a moment later"). Before, the
 * walk-through called the orders, payments, deliveries and products without the tokens they need.
 */
@Tag("integration")
class DocsWalkThroughEndToEndTest {

  private static final String DOCS_CUSTOMER = "./sagashop token alice ";
  private static final Pattern ORDER_LINE = Pattern.compile("(?m)^ORDER=([0-9a-f-]{36})$");

  private final LocalStack stack = ShopStack.get();

  @Test
  void shouldRunTheCurlWalkThroughAsWritten() {
    List<String> blocks = DocsCommands.blocksOf("docs/api.md", "## The whole walk-through with curl");
    assertThat(blocks).as("the walk-through's command blocks").hasSize(4);

    // the walk-through's customer is one of this run's own: the shared stack's other tests have an alice of their own, with another password
    assertThat(blocks.get(0)).contains(DOCS_CUSTOMER);
    String reader = "./sagashop token reader-" + UUID.randomUUID().toString().substring(0, 8) + " ";
    String output = DocsCommands.run(stack, Map.of(),
        blocks.get(0).replace(DOCS_CUSTOMER, reader),
        "echo; echo ORDER=$ORDER",
        awaitStatus("AWAITING_DEPOSIT"),
        blocks.get(1),
        blocks.get(2),
        awaitStatus("IN_DELIVERY"),
        blocks.get(3),
        // what the walk-through promises at its end, as alice sees it
        awaitStatus("CLOSED"),
        "echo; echo FINALLY=$(command curl -s -H \"$CUSTOMER\" localhost:8081/orders/$ORDER | jq -r .status)")
        .succeeded().output();

    Matcher order = ORDER_LINE.matcher(output);
    assertThat(order.find()).as("the walk-through placed an order:%n%s", output).isTrue();
    assertThat(output).contains("\"status\":\"IN_DELIVERY\"", "\"trackingNumber\"", "\"stock\"", "FINALLY=CLOSED");
  }

  @Test
  void shouldRunTheRunbooksMigrationAsWritten() {
    // this shop runs one version of the saga: the operator's commands find nothing to move, and say so
    String output = DocsCommands.run(stack, Map.of(), DocsCommands.blockWith("docs/runbook.md", "./sagashop migrate --dry-run"))
        .succeeded().output();

    assertThat(output).contains("The orchestrators deploy version", "No saga is open on an older version",
        "MIGRATE dry_run=true open=0 movable=0", "MIGRATE dry_run=false open=0 movable=0 moved=0 left=0 failures=0");
  }

  /** What a reader does between two blocks: look at the order until it has moved on. */
  private String awaitStatus(String status) {
    return "for attempt in $(seq 1 " + ShopClient.STEP.toSeconds() + "); do\n"
        + "  command curl -s -H \"$CUSTOMER\" localhost:8081/orders/$ORDER | grep -q '\"status\":\"" + status + "\"' && break\n"
        + "  sleep 1\n"
        + "done";
  }
}
