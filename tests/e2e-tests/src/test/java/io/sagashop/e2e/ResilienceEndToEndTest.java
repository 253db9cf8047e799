package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A part that is down loses no order and starts nothing twice, and what cannot wait becomes an
 * incident an operator can repair.
 */
@Tag("integration")
class ResilienceEndToEndTest {

  private static LocalStack stack;
  private static ShopClient shop;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
    shop = new ShopClient(stack);
  }

  @AfterEach
  void everyPartIsBack() {
    if (!stack.isKafkaRunning()) {
      stack.startKafka();
    }
    for (ShopService service : ShopService.values()) {
      if (!stack.isRunning(service)) {
        stack.start(service);
      }
    }
  }

  @Test
  void shouldStartTheDeliveryOnceDeliveryServiceIsBack() {
    shop.setStock("cups-set", 15);
    String orderId = shop.placeOrder("waiting-for-goods", "cups-set", 1);
    shop.awaitStatus(orderId, "AWAITING_DEPOSIT");
    stack.stop(ShopService.DELIVERY);

    shop.confirmDeposit(orderId);
    shop.awaitStatus(orderId, "GOODS_PREPARED");
    stack.start(ShopService.DELIVERY);

    shop.awaitStatus(orderId, "IN_DELIVERY");
    assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(200);
    assertThat(shop.timeline(orderId).stream().filter("DeliveryStarted"::equals)).hasSize(1);
  }

  @Test
  void shouldShipAndRefundNothingWhenTheDeliveryDeadlinePassesWhileDeliveryServiceIsDown() {
    shop.setStock("cups-set", 15);
    String orderId = shop.placeOrder("late-parcel", "cups-set", 1);
    shop.awaitStatus(orderId, "AWAITING_DEPOSIT");
    stack.stop(ShopService.DELIVERY);
    shop.confirmDeposit(orderId);
    shop.awaitStatus(orderId, "GOODS_PREPARED");

    // The delivery deadline passes while delivery-service is down: nobody knows yet whether the goods
    // left, so the saga asks delivery-service to cancel and waits for its answer, refunding nothing.
    await().atMost(ShopStack.DELIVERY_DEADLINE.multipliedBy(3)).pollInterval(Duration.ofSeconds(1))
        .until(() -> sagaWaitsAt(orderId, "Gateway_AwaitDeliveryCancellation"));
    assertThat(shop.paymentStatus(orderId)).isEqualTo("CHECKED");
    assertThat(shop.stock("cups-set")).isEqualTo(14);

    // Back, delivery-service reads StartDelivery before CancelDelivery (one partition): the goods leave,
    // and the order goes on to receipt instead of being refunded.
    stack.start(ShopService.DELIVERY);
    shop.awaitStatus(orderId, "IN_DELIVERY");
    assertThat(shop.post(ShopService.ORDER, "/orders/" + orderId + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);
    shop.awaitStatus(orderId, "CLOSED");
    assertThat(shop.paymentStatus(orderId)).isEqualTo("CHECKED");
    assertThat(shop.stock("cups-set")).isEqualTo(14);
    assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(200);
    assertThat(shop.timeline(orderId))
        .containsOnlyOnce("DeliveryStarted")
        .doesNotContain("DeliveryCancelled", "PayCanceled", "QtyRestored", "OrderCanceled");
  }

  @Test
  void shouldLoseNoOrderAndAskToRetryAReceiptWhileTheOrchestratorIsDown() {
    shop.setStock("tea-sencha", 40);
    String inDelivery = shop.placeOrder("receiving", "tea-sencha", 1);
    shop.awaitStatus(inDelivery, "AWAITING_DEPOSIT");
    shop.confirmDeposit(inDelivery);
    shop.awaitStatus(inDelivery, "IN_DELIVERY");
    stack.stop(ShopService.ORCHESTRATOR);

    String placedMeanwhile = shop.placeOrder("undeterred", "tea-sencha", 1);
    // the saga decides receipts: without it the customer is asked to come back, and nothing is recorded
    ShopClient.Answer meanwhile = shop.post(ShopService.ORDER, "/orders/" + inDelivery + "/receipt", Map.of(), Map.of());
    assertThat(meanwhile.status()).isEqualTo(503);
    stack.start(ShopService.ORCHESTRATOR);

    assertThat(shop.post(ShopService.ORDER, "/orders/" + inDelivery + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);
    shop.awaitStatus(placedMeanwhile, "AWAITING_DEPOSIT");
    shop.awaitStatus(inDelivery, "CLOSED");
    assertThat(shop.asAdmin("GET", "/history/process-instance?processInstanceBusinessKey=" + placedMeanwhile, null).body()).hasSize(1);
  }

  @Test
  void shouldTakeOrdersWhileTheBrokerIsDownAndPassThemOnOnceItIsBack() {
    shop.setStock("tea-sencha", 40);
    stack.stopKafka();

    // Placing needs only order-service, its database and the catalog; OrderPlaced waits in the outbox.
    String orderId = shop.placeOrder("offline", "tea-sencha", 1);
    assertThat(shop.order(orderId).path("status").asText()).isEqualTo("PLACED");
    stack.startKafka();

    shop.awaitStatus(orderId, "AWAITING_DEPOSIT");
    shop.confirmDeposit(orderId);
    shop.awaitStatus(orderId, "IN_DELIVERY");
    assertThat(shop.asAdmin("GET", "/history/process-instance?processInstanceBusinessKey=" + orderId, null).body()).hasSize(1);
    assertThat(shop.timeline(orderId).stream().filter("OrderPlaced"::equals)).hasSize(1);
  }

  @Test
  void shouldAcceptOrdersWhilePaymentServiceIsDownAndCompleteThemWhenItIsBack() {
    shop.setStock("tea-sencha", 40);
    stack.stop(ShopService.PAYMENT);

    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      orders.add(shop.placeOrder("patient-" + i, "tea-sencha", 1));
    }
    stack.start(ShopService.PAYMENT);

    for (String orderId : orders) {
      shop.awaitStatus(orderId, "AWAITING_DEPOSIT");
      shop.confirmDeposit(orderId);
    }
    for (String orderId : orders) {
      shop.awaitStatus(orderId, "IN_DELIVERY");
      assertThat(shop.paymentStatus(orderId)).isEqualTo("CHECKED");
    }
  }

  @Test
  void shouldRaiseAnIncidentThatSaysWhatFailedAndCompleteTheOrderAfterARetry() {
    stack.stop(ShopService.PAYMENT);
    String orderId = shop.placeOrder("unlucky", "tea-sencha", 1);

    // the retries run out (about 40 seconds in these tests) and the step raises an incident
    JsonNode incident =
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
            .until(() -> incidentOf(orderId), found -> found != null);
    assertThat(incident.path("activityId").asText()).isEqualTo("Task_RequestBankTransfer");
    assertThat(incident.path("incidentMessage").asText())
        .startsWith("Request bank transfer failed for order " + orderId + ": payment-service is ");
    // and names the order's trace, which shows the way up to the failure (the runbook: from the incident to the trace)
    String traceId = shop.asAdmin("GET", "/process-instance/" + incident.path("processInstanceId").asText() + "/variables/traceId", null)
        .body().path("value").asText();
    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(incident.path("incidentMessage").asText()).endsWith("[trace " + traceId + "]");

    // the operator brings payment-service back and retries the job as docs/runbook.md shows, over the
    // REST API as Cockpit's retry button does, the runbook's commands run as written
    stack.start(ShopService.PAYMENT);
    String output = DocsCommands.run(stack, Map.of("ORDER", orderId), DocsCommands.blockWith("docs/runbook.md", "/retries")).succeeded().output();
    assertThat(output).contains("\"activityId\": \"Task_RequestBankTransfer\"", "Request bank transfer failed for order " + orderId,
        "\"job\": \"" + incident.path("configuration").asText() + "\"");

    shop.awaitStatus(orderId, "AWAITING_DEPOSIT");
    await().atMost(ShopClient.STEP).until(() -> incidentOf(orderId) == null);
  }

  private static boolean sagaWaitsAt(String orderId, String activityId) {
    return !shop.asAdmin("GET", "/execution?processInstanceBusinessKey=" + orderId + "&activityId=" + activityId, null).body().isEmpty();
  }

  private static JsonNode incidentOf(String orderId) {
    JsonNode instances = shop.asAdmin("GET", "/process-instance?businessKey=" + orderId, null).body();
    if (instances.isEmpty()) {
      return null;
    }
    JsonNode incidents = shop.asAdmin("GET", "/incident?processInstanceId=" + instances.get(0).path("id").asText(), null).body();
    return incidents.isEmpty() ? null : incidents.get(0);
  }
}
