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
import org.junit.jupiter.api.Test;

/**
 * A part that is down loses no order and starts nothing twice, and what cannot wait becomes an
 * incident an operator can repair.
 */
class ResilienceEndToEndTest {

  private static final Duration STEP = Duration.ofSeconds(90);
  private static LocalStack stack;
  private static ShopClient shop;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
    shop = new ShopClient(stack);
  }

  @AfterEach
  void everyServiceIsBack() {
    for (ShopService service : ShopService.values()) {
      if (!stack.isRunning(service)) {
        stack.start(service);
      }
    }
  }

  @Test
  void shouldStartTheDeliveryOnceDeliveryServiceIsBack() {
    shop.put(ShopService.INVENTORY, "/products/cups-set/stock", Map.of("stock", 15));
    String orderId = placeOrder("waiting-for-goods", "cups-set");
    awaitStatus(orderId, "AWAITING_DEPOSIT");
    stack.stop(ShopService.DELIVERY);

    assertThat(shop.asSeller("POST", "/task/" + awaitTask(orderId) + "/complete", Map.of()).status()).isEqualTo(204);
    awaitStatus(orderId, "GOODS_PREPARED");
    stack.start(ShopService.DELIVERY);

    awaitStatus(orderId, "IN_DELIVERY");
    assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(200);
    assertThat(timeline(orderId).stream().filter("DeliveryStarted"::equals)).hasSize(1);
  }

  @Test
  void shouldLoseNoOrderAndNoReceiptWhileTheOrchestratorIsDown() {
    shop.put(ShopService.INVENTORY, "/products/tea-sencha/stock", Map.of("stock", 40));
    String inDelivery = placeOrder("receiving", "tea-sencha");
    awaitStatus(inDelivery, "AWAITING_DEPOSIT");
    assertThat(shop.asSeller("POST", "/task/" + awaitTask(inDelivery) + "/complete", Map.of()).status()).isEqualTo(204);
    awaitStatus(inDelivery, "IN_DELIVERY");
    stack.stop(ShopService.ORCHESTRATOR);

    String placedMeanwhile = placeOrder("undeterred", "tea-sencha");
    assertThat(shop.post(ShopService.ORDER, "/orders/" + inDelivery + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);
    stack.start(ShopService.ORCHESTRATOR);

    awaitStatus(placedMeanwhile, "AWAITING_DEPOSIT");
    awaitStatus(inDelivery, "CLOSED");
    assertThat(shop.asAdmin("GET", "/history/process-instance?processInstanceBusinessKey=" + placedMeanwhile, null).body()).hasSize(1);
  }

  private static String placeOrder(String customer, String productId) {
    ShopClient.Answer placed =
        shop.post(ShopService.ORDER, "/orders", Map.of("customerId", customer, "productId", productId, "quantity", 1), Map.of());
    assertThat(placed.status()).isEqualTo(201);
    return placed.body().path("orderId").asText();
  }

  private static List<String> timeline(String orderId) {
    return shop.get(ShopService.ORDER, "/orders/" + orderId).body().path("timeline").findValuesAsText("type");
  }

  @Test
  void shouldAcceptOrdersWhilePaymentServiceIsDownAndCompleteThemWhenItIsBack() {
    shop.put(ShopService.INVENTORY, "/products/tea-sencha/stock", Map.of("stock", 40));
    stack.stop(ShopService.PAYMENT);

    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ShopClient.Answer placed =
          shop.post(ShopService.ORDER, "/orders", Map.of("customerId", "patient-" + i, "productId", "tea-sencha", "quantity", 1), Map.of());
      assertThat(placed.status()).isEqualTo(201);
      orders.add(placed.body().path("orderId").asText());
    }
    stack.start(ShopService.PAYMENT);

    for (String orderId : orders) {
      awaitStatus(orderId, "AWAITING_DEPOSIT");
      String task = awaitTask(orderId);
      assertThat(shop.asSeller("POST", "/task/" + task + "/complete", Map.of()).status()).isEqualTo(204);
    }
    for (String orderId : orders) {
      awaitStatus(orderId, "IN_DELIVERY");
      assertThat(shop.get(ShopService.PAYMENT, "/payments/" + orderId).body().path("status").asText()).isEqualTo("CHECKED");
    }
  }

  @Test
  void shouldRaiseAnIncidentThatSaysWhatFailedAndCompleteTheOrderAfterARetry() {
    stack.stop(ShopService.PAYMENT);
    ShopClient.Answer placed =
        shop.post(ShopService.ORDER, "/orders", Map.of("customerId", "unlucky", "productId", "tea-sencha", "quantity", 1), Map.of());
    String orderId = placed.body().path("orderId").asText();

    // the retries run out (about 40 seconds in these tests) and the step raises an incident
    JsonNode incident =
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
            .until(() -> incidentOf(orderId), found -> found != null);
    assertThat(incident.path("activityId").asText()).isEqualTo("Task_RequestBankTransfer");
    assertThat(incident.path("incidentMessage").asText())
        .startsWith("Request bank transfer failed for order " + orderId + ": payment-service is ");

    // the operator brings payment-service back and retries the job, as Cockpit's retry button does
    stack.start(ShopService.PAYMENT);
    String jobId = incident.path("configuration").asText();
    assertThat(shop.asAdmin("PUT", "/job/" + jobId + "/retries", Map.of("retries", 1)).status()).isEqualTo(204);

    awaitStatus(orderId, "AWAITING_DEPOSIT");
    await().atMost(STEP).until(() -> incidentOf(orderId) == null);
  }

  private static JsonNode incidentOf(String orderId) {
    JsonNode instances = shop.asAdmin("GET", "/process-instance?businessKey=" + orderId, null).body();
    if (instances.isEmpty()) {
      return null;
    }
    JsonNode incidents = shop.asAdmin("GET", "/incident?processInstanceId=" + instances.get(0).path("id").asText(), null).body();
    return incidents.isEmpty() ? null : incidents.get(0);
  }

  private static String awaitTask(String orderId) {
    return await().atMost(STEP)
        .until(() -> shop.asSeller("GET", "/task?processInstanceBusinessKey=" + orderId, null).body(), tasks -> tasks.size() == 1)
        .get(0).path("id").asText();
  }

  private static void awaitStatus(String orderId, String status) {
    await().atMost(STEP).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(shop.get(ShopService.ORDER, "/orders/" + orderId).body().path("status").asText()).isEqualTo(status));
  }
}
