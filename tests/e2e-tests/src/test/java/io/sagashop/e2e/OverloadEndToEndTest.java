package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A burst of orders beyond what order-service admits at once: the refused customers are told to
 * come back with Retry-After, and exactly the accepted orders are stored.
 */
@Tag("integration")
class OverloadEndToEndTest {

  /** Well beyond the stack's limit of {@value ShopStack#MAX_CONCURRENT_PLACEMENTS} placements at once. */
  private static final int BURST = 60;

  private static LocalStack stack;
  private static ShopClient shop;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
    shop = new ShopClient(stack);
  }

  @Test
  void shouldRefuseWhatIsBeyondTheLimitWithRetryAfterAndStoreExactlyTheAcceptedOrders() throws SQLException {
    shop.setStock("teapot-kyusu", 500);
    String customer = "burst-" + UUID.randomUUID();
    URI orders = stack.entryUrl().resolve("/orders");
    String body = "{\"productId\":\"teapot-kyusu\",\"quantity\":1}";
    String token = shop.customerToken(customer);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    List<HttpResponse<String>> answers =
        IntStream.range(0, BURST)
            .mapToObj(i -> http.sendAsync(
                HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()))
            .toList() // every request is on its way before the first answer is awaited
            .stream()
            .map(CompletableFuture::join)
            .toList();

    Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 201).toList();
    assertThat(byStatus.keySet()).as("answers by status: %s", byStatus).isSubsetOf(201, 429, 503);
    assertThat(refused).as("answers by status: %s", byStatus).isNotEmpty();
    assertThat(refused).allSatisfy(answer -> {
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
      assertThat(answer.body()).contains("\"status\":" + answer.statusCode()).contains("nothing was stored");
    });
    long accepted = byStatus.getOrDefault(201, 0L);
    assertThat(accepted).as("answers by status: %s", byStatus).isPositive();
    assertThat(storedOrdersOf(customer)).isEqualTo(accepted);
    // and the customer's own list shows the same orders, once the view has caught up
    await().atMost(ShopClient.STEP).untilAsserted(() ->
        assertThat(shop.get(ShopService.ORDER, "/orders?customerId=" + customer).body().path("totalElements").asLong())
            .isEqualTo(accepted));
  }

  private static long storedOrdersOf(String customer) throws SQLException {
    LocalStack.DatabaseAccess orders = stack.database(ShopService.ORDER);
    try (Connection connection = DriverManager.getConnection(orders.url(), orders.user(), orders.password());
        PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM customer_order WHERE customer_id = ?")) {
      count.setString(1, customer);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
