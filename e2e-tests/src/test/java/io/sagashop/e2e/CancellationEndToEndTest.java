package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.stack.ShopService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cancellation, refusal, out of stock and the race between customer and seller, on the whole shop. */
class CancellationEndToEndTest {

  private static final Duration STEP = Duration.ofSeconds(90);
  private static final int RACES = 20;
  private static ShopClient shop;
  private static ExecutorService racers;

  @BeforeAll
  static void startShop() {
    shop = new ShopClient(ShopStack.get());
    racers = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stopRacers() {
    racers.shutdownNow();
  }

  @Test
  void shouldCancelBeforeTheDepositIsConfirmedAndVoidThePayment() {
    setStock("cups-set", 15);
    String orderId = placeOrder("dora", "cups-set", 2);
    awaitStatus(orderId, "AWAITING_DEPOSIT");

    ShopClient.Answer answer = shop.post(ShopService.ORDER, "/orders/" + orderId + "/cancellation", Map.of("reason", "changed my mind"), Map.of());

    assertThat(answer.status()).isEqualTo(202);
    awaitStatus(orderId, "CANCELLED");
    assertThat(order(orderId).path("cancellationReason").asText()).isEqualTo("CUSTOMER_REQUEST");
    await().atMost(STEP).until(() -> paymentStatus(orderId).equals("CANCELED"));
    assertThat(stock("cups-set")).isEqualTo(15);
    assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(404);
    assertThat(shop.asSeller("GET", "/task?processInstanceBusinessKey=" + orderId, null).body()).isEmpty();
    // cancelling again changes nothing
    assertThat(shop.post(ShopService.ORDER, "/orders/" + orderId + "/cancellation", Map.of(), Map.of()).status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseCancellationAfterTheDepositAndStillCloseTheOrder() {
    setStock("tea-sencha", 40);
    String orderId = placeOrder("emil", "tea-sencha", 1);
    confirmDeposit(orderId);

    ShopClient.Answer refused = shop.post(ShopService.ORDER, "/orders/" + orderId + "/cancellation", Map.of(), Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("detail").asText()).contains("confirmed the deposit");
    awaitStatus(orderId, "IN_DELIVERY");
    assertThat(shop.post(ShopService.ORDER, "/orders/" + orderId + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);
    awaitStatus(orderId, "CLOSED");
    assertThat(paymentStatus(orderId)).isEqualTo("CHECKED");
  }

  @Test
  void shouldRefundAndCancelWhenTheStockRanOutBeforeTheDeposit() {
    setStock("matcha-whisk", 3);
    String orderId = placeOrder("fay", "matcha-whisk", 2);
    awaitStatus(orderId, "AWAITING_DEPOSIT");
    setStock("matcha-whisk", 1);

    confirmDeposit(orderId);

    awaitStatus(orderId, "CANCELLED");
    assertThat(order(orderId).path("cancellationReason").asText()).isEqualTo("OUT_OF_STOCK");
    await().atMost(STEP).until(() -> paymentStatus(orderId).equals("REFUNDED"));
    assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(404);
    assertThat(stock("matcha-whisk")).isEqualTo(1);
  }

  @Test
  void shouldGiveExactlyOneWinnerWhenCustomerAndSellerRace() {
    setStock("teapot-kyusu", 500);
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < RACES; i++) {
      orders.add(placeOrder("racer-" + i, "teapot-kyusu", 1));
    }
    List<String> tasks = orders.stream().map(CancellationEndToEndTest::awaitTask).toList();

    List<CompletableFuture<Integer>> cancellations = new ArrayList<>();
    List<CompletableFuture<Integer>> confirmations = new ArrayList<>();
    for (int i = 0; i < RACES; i++) {
      String orderId = orders.get(i);
      String taskId = tasks.get(i);
      cancellations.add(CompletableFuture.supplyAsync(
          () -> shop.post(ShopService.ORDER, "/orders/" + orderId + "/cancellation", Map.of(), Map.of()).status(), racers));
      confirmations.add(CompletableFuture.supplyAsync(
          () -> shop.asSeller("POST", "/task/" + taskId + "/complete", Map.of()).status(), racers));
    }

    int confirmed = 0;
    for (int i = 0; i < RACES; i++) {
      String orderId = orders.get(i);
      int cancel = cancellations.get(i).join();
      int confirm = confirmations.get(i).join();
      boolean cancelWon = cancel == 202;
      boolean confirmWon = confirm == 204;
      assertThat(cancelWon ^ confirmWon).as("order %s: cancel %s, confirm %s", orderId, cancel, confirm).isTrue();
      if (cancelWon) {
        awaitStatus(orderId, "CANCELLED");
        await().atMost(STEP).until(() -> paymentStatus(orderId).equals("CANCELED"));
        assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(404);
      } else {
        assertThat(cancel).isEqualTo(409);
        awaitStatus(orderId, "IN_DELIVERY");
        assertThat(paymentStatus(orderId)).isEqualTo("CHECKED");
        assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(200);
        confirmed++;
      }
    }
    assertThat(stock("teapot-kyusu")).isEqualTo(500 - confirmed);
  }

  private static String placeOrder(String customer, String productId, int quantity) {
    ShopClient.Answer placed =
        shop.post(ShopService.ORDER, "/orders", Map.of("customerId", customer, "productId", productId, "quantity", quantity), Map.of());
    assertThat(placed.status()).isEqualTo(201);
    return placed.body().path("orderId").asText();
  }

  private static void confirmDeposit(String orderId) {
    assertThat(shop.asSeller("POST", "/task/" + awaitTask(orderId) + "/complete", Map.of()).status()).isEqualTo(204);
  }

  private static String awaitTask(String orderId) {
    return await()
        .atMost(STEP)
        .until(() -> shop.asSeller("GET", "/task?processInstanceBusinessKey=" + orderId, null).body(), tasks -> tasks.size() == 1)
        .get(0)
        .path("id")
        .asText();
  }

  private static void awaitStatus(String orderId, String status) {
    await().atMost(STEP).pollInterval(Duration.ofMillis(300))
        .untilAsserted(() -> assertThat(order(orderId).path("status").asText()).isEqualTo(status));
  }

  private static JsonNode order(String orderId) {
    return shop.get(ShopService.ORDER, "/orders/" + orderId).body();
  }

  private static String paymentStatus(String orderId) {
    return shop.get(ShopService.PAYMENT, "/payments/" + orderId).body().path("status").asText();
  }

  private static int stock(String productId) {
    return shop.get(ShopService.INVENTORY, "/products/" + productId).body().path("stock").asInt();
  }

  private static void setStock(String productId, int stock) {
    assertThat(shop.put(ShopService.INVENTORY, "/products/" + productId + "/stock", Map.of("stock", stock)).status()).isEqualTo(200);
  }
}
