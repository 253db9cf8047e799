package io.sagashop.inventory.stock;

import static io.sagashop.testsupport.ContractExamples.assertShapedLike;
import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.inventory.contract.StockApi;
import io.sagashop.inventory.contract.StockDecreaseRequest;
import io.sagashop.inventory.contract.StockProblems;
import io.sagashop.inventory.product.Product;
import io.sagashop.inventory.product.ProductRepository;
import io.sagashop.testsupport.HeldLock;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import io.sagashop.testsupport.TopicRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ServiceIntegrationTest
class StockApiTest {

  @Autowired TestRestTemplate http;
  @Autowired ProductRepository products;
  @Autowired DataSource dataSource;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  private final String productId = "teapot-" + UUID.randomUUID();
  private final UUID orderId = UUID.randomUUID();
  private TopicRecorder events;

  @BeforeEach
  void callAsTheirCaller() {
    TestIdentity.callAs(http, TestIdentity.service("orchestrator", "stock.saga"));
  }

  @BeforeEach
  void stockTheShelf() {
    products.save(new Product(productId, "Kyusu clay teapot", new BigDecimal("48.00"), 5));
    events = TopicRecorder.of(brokers, "inventory.events");
  }

  @AfterEach
  void stopRecording() {
    events.close();
  }

  @Test
  void shouldTakeStockOnceForAnOrderHoweverOftenTheStepRuns() {
    assertThat(decrease(orderId, 2).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(decrease(orderId, 2).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(stock()).isEqualTo(3);
    await().atMost(Duration.ofSeconds(20)).until(() -> events.typesOf(orderId).contains("QtyDecreased"));
    assertThat(events.eventsOf(orderId))
        .singleElement()
        .satisfies(event -> {
          assertThat(event.has("orderStatus")).as("names no order status: order-service decides it").isFalse();
          assertThat(event.path("data").path("quantity").asInt()).isEqualTo(2);
          assertThat(event.path("source").asText()).isEqualTo("inventory-service");
        });
  }

  @Test
  void shouldAnswerOutOfStockAndTakeNothing() {
    ResponseEntity<Map> response = decrease(orderId, 6);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getBody()).containsEntry("type", "https://sagashop.io/problems/out-of-stock").containsEntry("inStock", 5);
    assertThat(stock()).isEqualTo(5);
  }

  @Test
  void shouldRefuseALateFirstAttemptOfADecreaseThatWasRefusedEvenAfterTheStockGrew() throws Exception {
    // Given a decrease refused for too little stock (its retry, say: the saga then refunds and cancels the order)
    assertThat(decrease(orderId, 6).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    CompletableFuture<ResponseEntity<Map>> lateFirstAttempt;
    // When the seller restocks while the first attempt of the same decrease, slow, waits behind her lock
    try (HeldLock product = HeldLock.take(dataSource, "UPDATE product SET stock = 20 WHERE product_id = ?", productId)) {
      lateFirstAttempt = CompletableFuture.supplyAsync(() -> decrease(orderId, 6));
      product.awaitWaiting(1);
      product.release();
    }

    // Then the late attempt gets the refusal the saga acted on, and takes nothing (before: 200, six taken for a cancelled order)
    assertThat(lateFirstAttempt.get(20, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(stock()).isEqualTo(20);
    assertThat(events.typesOf(orderId)).doesNotContain("QtyDecreased");
  }

  @Test
  void shouldTakeTheContractsRequestAndAnswerItsOutOfStockProblem() {
    // the orchestrator's request, as the contract's example has it (for this test's product)
    String request = example(StockDecreaseRequest.class, "stock-decrease-request.json").replace("tea-rooibos", productId);
    assertThat(decrease(orderId, request).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(stock()).isEqualTo(3);

    // a second order of the same goods finds too few
    ResponseEntity<String> refused = decrease(UUID.randomUUID(), request.replace("\"quantity\": 2", "\"quantity\": 4"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    assertShapedLike(refused.getBody(), StockProblems.class, "out-of-stock.json");
    assertThat(stock()).isEqualTo(3);
  }

  @Test
  void shouldPutTheGoodsBackOnceWhenRestored() {
    decrease(orderId, 4);

    http.postForEntity("/stock-decreases/{orderId}/restoration", null, Void.class, orderId);
    http.postForEntity("/stock-decreases/{orderId}/restoration", null, Void.class, orderId);

    assertThat(stock()).isEqualTo(5);
    await().atMost(Duration.ofSeconds(20)).until(() -> events.typesOf(orderId).contains("QtyRestored"));
    assertThat(events.typesOf(orderId)).containsExactly("QtyDecreased", "QtyRestored");
  }

  @Test
  void shouldPutTheGoodsBackOnceWhenARetriedRestoreOverlapsTheFirst() throws Exception {
    decrease(orderId, 4);
    CompletableFuture<ResponseEntity<Void>> first;
    CompletableFuture<ResponseEntity<Void>> retried;
    // Given the product's row busy for a moment (the seller counting the stock)
    try (HeldLock product = HeldLock.take(dataSource, "SELECT stock FROM product WHERE product_id = ? FOR UPDATE", productId)) {
      // When "Restore stock" and its retry (the first call timed out) both arrive meanwhile
      first = CompletableFuture.supplyAsync(this::restore);
      retried = CompletableFuture.supplyAsync(this::restore);
      product.awaitWaiting(2);
      product.release();
    }

    // Then both are answered, and the goods are back once
    assertThat(first.get(20, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(retried.get(20, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(stock()).isEqualTo(5);
    await().atMost(Duration.ofSeconds(20)).until(() -> events.typesOf(orderId).contains("QtyRestored"));
    assertThat(events.typesOf(orderId)).containsExactly("QtyDecreased", "QtyRestored");
  }

  @Test
  void shouldRestoreNothingForAnOrderThatTookNothing() {
    assertThat(http.postForEntity("/stock-decreases/{orderId}/restoration", null, Void.class, orderId).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(stock()).isEqualTo(5);
  }

  private ResponseEntity<Void> restore() {
    return http.postForEntity("/stock-decreases/{orderId}/restoration", null, Void.class, orderId);
  }

  @Test
  void shouldRefuseANonPositiveQuantityNamingTheField() {
    ResponseEntity<Map> response = decrease(orderId, 0);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").toString()).contains("field=quantity");
    assertThat(stock()).isEqualTo(5);
  }

  @Test
  void shouldLetTheSellerCountTheStockButNotBelowZero() {
    TestIdentity.callAs(http, TestIdentity.staff("seller", "SELLER"));
    assertThat(http.exchange("/products/{id}/stock", HttpMethod.PUT, new HttpEntity<>(Map.of("stock", 12)), Map.class, productId)
            .getBody())
        .containsEntry("stock", 12);
    ResponseEntity<Map> negative =
        http.exchange("/products/{id}/stock", HttpMethod.PUT, new HttpEntity<>(Map.of("stock", -1)), Map.class, productId);
    assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(negative.getBody().get("errors").toString()).contains("field=stock");
    assertThat(stock()).isEqualTo(12);
  }

  @Test
  void shouldAnswer404ForAnUnknownProduct() {
    TestIdentity.callAs(http, TestIdentity.service("order-service", "catalog.read"));
    ResponseEntity<Map> response = http.getForEntity("/products/{id}", Map.class, "no-such-product");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).containsEntry("productId", "no-such-product");
  }

  private ResponseEntity<Map> decrease(UUID order, int quantity) {
    return http.exchange(
        StockApi.DECREASE,
        HttpMethod.PUT,
        new HttpEntity<>(Map.of("productId", productId, "quantity", quantity)),
        Map.class,
        order);
  }

  private ResponseEntity<String> decrease(UUID order, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(StockApi.DECREASE, HttpMethod.PUT, new HttpEntity<>(json, headers), String.class, order);
  }

  private int stock() {
    return products.findById(productId).orElseThrow().stock();
  }
}
