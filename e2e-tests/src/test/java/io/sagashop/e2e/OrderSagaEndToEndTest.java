package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A customer's order from placement to closed, through every real part of the shop. */
class OrderSagaEndToEndTest {

  private static final String PRODUCT = "teapot-kyusu";
  private static final Duration STEP = Duration.ofSeconds(60);
  private static ShopClient shop;

  @BeforeAll
  static void startShop() {
    LocalStack stack = ShopStack.get();
    shop = new ShopClient(stack);
  }

  @Test
  void shouldTakeAnOrderFromPlacementToClosed() {
    // Given
    shop.put(ShopService.INVENTORY, "/products/" + PRODUCT + "/stock", Map.of("stock", 10));

    // When the customer orders
    ShopClient.Answer placed =
        shop.post(ShopService.ORDER, "/orders", Map.of("customerId", "alice", "productId", PRODUCT, "quantity", 3), Map.of());
    assertThat(placed.status()).isEqualTo(201);
    String orderId = placed.body().path("orderId").asText();
    assertThat(placed.body().path("amount").decimalValue()).isEqualByComparingTo("144.00");

    // Then she is told where to transfer the money, on the order's one screen too
    awaitStatus(orderId, "AWAITING_DEPOSIT");
    await().atMost(STEP).until(() -> shop.get(ShopService.ORDER, "/orders/" + orderId).body().path("transferInstructions").has("transferReference"));
    JsonNode payment = shop.get(ShopService.PAYMENT, "/payments/" + orderId).body();
    assertThat(payment.path("status").asText()).isEqualTo("PLACED");
    assertThat(payment.path("transferReference").asText()).startsWith("SAGA-");

    // When the seller confirms the deposit in Tasklist (over the engine REST API it uses)
    JsonNode task = awaitSellersTask(orderId);
    assertThat(task.path("name").asText()).isEqualTo("Confirm deposit");
    ShopClient.Answer form = shop.asSeller("GET", "/task/" + task.path("id").asText() + "/deployed-form", null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body().path("id").asText()).isEqualTo("ConfirmDeposit");
    JsonNode formVariables = shop.asSeller("GET", "/task/" + task.path("id").asText() + "/form-variables", null).body();
    assertThat(formVariables.path("transferReference").path("value").asText()).isEqualTo(payment.path("transferReference").asText());
    assertThat(shop.asSeller("POST", "/task/" + task.path("id").asText() + "/complete", Map.of()).status()).isEqualTo(204);

    // Then the goods leave the warehouse
    awaitStatus(orderId, "IN_DELIVERY");
    JsonNode delivery = shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).body();
    assertThat(delivery.path("status").asText()).isEqualTo("STARTED");
    assertThat(delivery.path("quantity").asInt()).isEqualTo(3);

    // When the customer confirms receipt
    assertThat(shop.post(ShopService.ORDER, "/orders/" + orderId + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);

    // Then the order is closed, paid once, and the stock went down by exactly the quantity
    awaitStatus(orderId, "CLOSED");
    await().atMost(STEP).untilAsserted(() -> assertThat(timeline(orderId)).containsExactly(
        "OrderPlaced", "PayPlaced", "PayChecked", "QtyDecreased", "DeliveryStarted", "ReceiptConfirmed", "OrderClosed"));
    assertThat(shop.get(ShopService.ORDER, "/orders?customerId=alice").body().path("orders").findValuesAsText("orderId")).contains(orderId);
    assertThat(shop.get(ShopService.PAYMENT, "/payments/" + orderId).body().path("status").asText()).isEqualTo("CHECKED");
    assertThat(shop.get(ShopService.INVENTORY, "/products/" + PRODUCT).body().path("stock").asInt()).isEqualTo(7);
  }

  @Test
  void shouldSeeTheDepositToConfirmInTheSellersFilter() {
    String orderId = placeOrder("bob", 1, Map.of());

    JsonNode filters = shop.asSeller("GET", "/filter?name=Deposits%20to%20confirm", null).body();
    assertThat(filters).hasSize(1);
    String filterId = filters.get(0).path("id").asText();
    // the filter's own query, narrowed to this order (GET ignores query parameters; POST extends the query)
    await().atMost(STEP).until(() -> {
      JsonNode tasks = shop.asSeller("POST", "/filter/" + filterId + "/list", Map.of("processInstanceBusinessKey", orderId)).body();
      return tasks.size() == 1 && tasks.get(0).path("name").asText().equals("Confirm deposit");
    });
  }

  @Test
  void shouldCreateOneOrderForTheSameRequestSentTwiceWithOneIdempotencyKey() {
    String customer = "carol-" + UUID.randomUUID();
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

    String first = placeOrder(customer, 1, key);
    String second = placeOrder(customer, 1, key);

    assertThat(second).isEqualTo(first);
    awaitStatus(first, "AWAITING_DEPOSIT");
    assertThat(shop.get(ShopService.PAYMENT, "/payments/" + first).status()).isEqualTo(200);
  }

  private String placeOrder(String customer, int quantity, Map<String, String> headers) {
    ShopClient.Answer placed =
        shop.post(ShopService.ORDER, "/orders", Map.of("customerId", customer, "productId", PRODUCT, "quantity", quantity), headers);
    assertThat(placed.status()).isEqualTo(201);
    return placed.body().path("orderId").asText();
  }

  private static java.util.List<String> timeline(String orderId) {
    return shop.get(ShopService.ORDER, "/orders/" + orderId).body().path("timeline").findValuesAsText("type");
  }

  private static void awaitStatus(String orderId, String status) {
    await()
        .atMost(STEP)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(() -> assertThat(shop.get(ShopService.ORDER, "/orders/" + orderId).body().path("status").asText()).isEqualTo(status));
  }

  private static JsonNode awaitSellersTask(String orderId) {
    return await()
        .atMost(STEP)
        .until(
            () -> shop.asSeller("GET", "/task?processInstanceBusinessKey=" + orderId, null).body(),
            tasks -> tasks.isArray() && tasks.size() == 1)
        .get(0);
  }
}
