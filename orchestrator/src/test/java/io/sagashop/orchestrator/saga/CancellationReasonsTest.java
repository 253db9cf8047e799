package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.order.contract.CancellationReason;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The process sets a cancellation reason in an expression on each path that cancels an order; each
 * must be one of order-service's contract, which "Mark order cancelled" sends and order-service
 * refuses otherwise (a typo would end the order in an incident instead of cancelled).
 */
class CancellationReasonsTest {

  private static final Pattern REASON =
      Pattern.compile("setVariable\\('" + SagaVariables.CANCELLATION_REASON + "',\\s*'([^']*)'\\)");

  @Test
  void everyReasonTheProcessSetsIsOneOfTheContracts() throws Exception {
    String process;
    try (InputStream bpmn = CancellationReasonsTest.class.getResourceAsStream("/bpmn/order-saga.bpmn")) {
      process = new String(bpmn.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> reasons = REASON.matcher(process).results().map(match -> match.group(1)).toList();
    List<String> contract = Arrays.stream(CancellationReason.values()).map(Enum::name).toList();

    assertThat(reasons).containsExactlyInAnyOrder("DEPOSIT_DEADLINE", "OUT_OF_STOCK", "DELIVERY_DEADLINE");
    assertThat(contract).containsAll(reasons);
  }
}
