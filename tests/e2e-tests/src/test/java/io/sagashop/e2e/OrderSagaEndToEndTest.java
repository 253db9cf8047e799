package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A customer's order from placement to closed, through every real part of the shop. */
@Tag("integration")
class OrderSagaEndToEndTest {

  private static final String PRODUCT = "teapot-kyusu";
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
    shop.awaitStatus(orderId, "AWAITING_DEPOSIT");
    await().atMost(ShopClient.STEP).until(() -> shop.order(orderId).path("transferInstructions").has("transferReference"));
    JsonNode payment = shop.get(ShopService.PAYMENT, "/payments/" + orderId).body();
    assertThat(payment.path("status").asText()).isEqualTo("PLACED");
    assertThat(payment.path("transferReference").asText()).startsWith("SAGA-");

    // When the seller confirms the deposit in Tasklist (over the engine REST API it uses)
    JsonNode task = shop.awaitDepositTask(orderId);
    assertThat(task.path("name").asText()).isEqualTo("Confirm deposit");
    ShopClient.Answer form = shop.asSeller("GET", "/task/" + task.path("id").asText() + "/deployed-form", null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body().path("id").asText()).isEqualTo("ConfirmDeposit");
    JsonNode formVariables = shop.asSeller("GET", "/task/" + task.path("id").asText() + "/form-variables", null).body();
    assertThat(formVariables.path("transferReference").path("value").asText()).isEqualTo(payment.path("transferReference").asText());
    assertThat(shop.asSeller("POST", "/task/" + task.path("id").asText() + "/complete", Map.of()).status()).isEqualTo(204);

    // Then the goods leave the warehouse
    shop.awaitStatus(orderId, "IN_DELIVERY");
    JsonNode delivery = shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).body();
    assertThat(delivery.path("status").asText()).isEqualTo("STARTED");
    assertThat(delivery.path("quantity").asInt()).isEqualTo(3);

    // When the customer confirms receipt
    assertThat(shop.post(ShopService.ORDER, "/orders/" + orderId + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);

    // Then the order is closed, paid once, and the stock went down by exactly the quantity
    shop.awaitStatus(orderId, "CLOSED");
    await().atMost(ShopClient.STEP).untilAsserted(() -> assertThat(shop.timeline(orderId)).containsExactly(
        "OrderPlaced", "PayPlaced", "PayChecked", "QtyDecreased", "DeliveryStarted", "ReceiptConfirmed", "OrderClosed"));
    assertThat(shop.get(ShopService.ORDER, "/orders?customerId=alice").body().path("orders").findValuesAsText("orderId")).contains(orderId);
    assertThat(shop.get(ShopService.PAYMENT, "/payments/" + orderId).body().path("status").asText()).isEqualTo("CHECKED");
    assertThat(shop.get(ShopService.INVENTORY, "/products/" + PRODUCT).body().path("stock").asInt()).isEqualTo(7);
  }

  @Test
  void shouldSeeTheDepositToConfirmInTheSellersFilter() {
    String orderId = shop.placeOrder("bob", PRODUCT, 1);

    JsonNode filters = shop.asSeller("GET", "/filter?name=Deposits%20to%20confirm", null).body();
    assertThat(filters).hasSize(1);
    String filterId = filters.get(0).path("id").asText();
    // the filter's own query, narrowed to this order (GET ignores query parameters; POST extends the query)
    await().atMost(ShopClient.STEP).until(() -> {
      JsonNode tasks = shop.asSeller("POST", "/filter/" + filterId + "/list", Map.of("processInstanceBusinessKey", orderId)).body();
      return tasks.size() == 1 && tasks.get(0).path("name").asText().equals("Confirm deposit");
    });
  }

  @Test
  void shouldCreateOneOrderForTheSameRequestSentTwiceWithOneIdempotencyKey() {
    String customer = "carol-" + UUID.randomUUID();
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

    String first = shop.placeOrder(customer, PRODUCT, 1, key);
    String second = shop.placeOrder(customer, PRODUCT, 1, key);

    assertThat(second).isEqualTo(first);
    shop.awaitStatus(first, "AWAITING_DEPOSIT");
    assertThat(shop.get(ShopService.PAYMENT, "/payments/" + first).status()).isEqualTo(200);
  }
}
