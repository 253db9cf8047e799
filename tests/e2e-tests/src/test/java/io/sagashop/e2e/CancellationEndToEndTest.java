package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.stack.ShopService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cancellation, refusal, out of stock and the race between customer and seller, on the whole shop. */
@Tag("integration")
class CancellationEndToEndTest {

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
    shop.setStock("cups-set", 15);
    String orderId = shop.placeOrder("dora", "cups-set", 2);
    shop.awaitStatus(orderId, "AWAITING_DEPOSIT");

    ShopClient.Answer answer = shop.post(ShopService.ORDER, "/orders/" + orderId + "/cancellation", Map.of("reason", "changed my mind"), Map.of());

    assertThat(answer.status()).isEqualTo(202);
    shop.awaitStatus(orderId, "CANCELLED");
    assertThat(shop.order(orderId).path("cancellationReason").asText()).isEqualTo("CUSTOMER_REQUEST");
    await().atMost(ShopClient.STEP).until(() -> shop.paymentStatus(orderId).equals("CANCELED"));
    assertThat(shop.stock("cups-set")).isEqualTo(15);
    assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(404);
    assertThat(shop.asSeller("GET", "/task?processInstanceBusinessKey=" + orderId, null).body()).isEmpty();
    // cancelling again changes nothing
    assertThat(shop.post(ShopService.ORDER, "/orders/" + orderId + "/cancellation", Map.of(), Map.of()).status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseCancellationAfterTheDepositAndStillCloseTheOrder() {
    shop.setStock("tea-sencha", 40);
    String orderId = shop.placeOrder("emil", "tea-sencha", 1);
    shop.confirmDeposit(orderId);

    ShopClient.Answer refused = shop.post(ShopService.ORDER, "/orders/" + orderId + "/cancellation", Map.of(), Map.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("detail").asText()).contains("confirmed the deposit");
    shop.awaitStatus(orderId, "IN_DELIVERY");
    assertThat(shop.post(ShopService.ORDER, "/orders/" + orderId + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);
    shop.awaitStatus(orderId, "CLOSED");
    assertThat(shop.paymentStatus(orderId)).isEqualTo("CHECKED");
  }

  @Test
  void shouldRefundAndCancelWhenTheStockRanOutBeforeTheDeposit() {
    shop.setStock("matcha-whisk", 3);
    String orderId = shop.placeOrder("fay", "matcha-whisk", 2);
    shop.awaitStatus(orderId, "AWAITING_DEPOSIT");
    shop.setStock("matcha-whisk", 1);

    shop.confirmDeposit(orderId);

    shop.awaitStatus(orderId, "CANCELLED");
    assertThat(shop.order(orderId).path("cancellationReason").asText()).isEqualTo("OUT_OF_STOCK");
    await().atMost(ShopClient.STEP).until(() -> shop.paymentStatus(orderId).equals("REFUNDED"));
    assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(404);
    assertThat(shop.stock("matcha-whisk")).isEqualTo(1);
  }

  @Test
  void shouldGiveExactlyOneWinnerWhenCustomerAndSellerRace() {
    shop.setStock("teapot-kyusu", 500);
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < RACES; i++) {
      orders.add(shop.placeOrder("racer-" + i, "teapot-kyusu", 1));
    }
    List<String> tasks = orders.stream().map(orderId -> shop.awaitDepositTask(orderId).path("id").asText()).toList();

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
        shop.awaitStatus(orderId, "CANCELLED");
        await().atMost(ShopClient.STEP).until(() -> shop.paymentStatus(orderId).equals("CANCELED"));
        assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(404);
      } else {
        assertThat(cancel).isEqualTo(409);
        shop.awaitStatus(orderId, "IN_DELIVERY");
        assertThat(shop.paymentStatus(orderId)).isEqualTo("CHECKED");
        assertThat(shop.get(ShopService.DELIVERY, "/deliveries/" + orderId).status()).isEqualTo(200);
        confirmed++;
      }
    }
    assertThat(shop.stock("teapot-kyusu")).isEqualTo(500 - confirmed);
  }
}
