package io.sagashop.order.ordering;

import static io.sagashop.testsupport.ContractExamples.assertShapedLike;
import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.orchestrator.contract.CancellationRequest;
import io.sagashop.orchestrator.contract.SagaProblems;
import io.sagashop.order.contract.OrderPlaced;
import io.sagashop.testsupport.HeldLock;
import io.sagashop.testsupport.HttpStub;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import io.sagashop.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ServiceIntegrationTest
class OrderApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  private final String customerId = "customer-" + UUID.randomUUID();
  private TopicRecorder orderEvents;

  /** The orchestrator, which decides cancellations and receipts (the end-to-end tests use the real one). */
  private static final HttpStub ORCHESTRATOR = HttpStub.start();

  @DynamicPropertySource
  static void catalog(DynamicPropertyRegistry registry) {
    registry.add("sagashop.services.inventory-url", CatalogStub::url);
    registry.add("sagashop.services.orchestrator-url", ORCHESTRATOR::url);
  }

  @AfterAll
  static void stopOrchestrator() {
    ORCHESTRATOR.close();
  }

  @BeforeEach
  void signIn() {
    TestIdentity.callAs(http, TestIdentity.customer(customerId));
  }

  @BeforeEach
  void record() {
    orderEvents = TopicRecorder.of(brokers, "order.events");
  }

  @AfterEach
  void stopRecording() {
    orderEvents.close();
  }

  @Test
  void shouldPlaceAnOrderPricedByTheCatalogAndAnnounceIt() {
    ResponseEntity<Map> response = place("{\"productId\":\"teapot-kyusu\",\"quantity\":2}", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    UUID orderId = UUID.fromString((String) response.getBody().get("orderId"));
    assertThat(response.getHeaders().getLocation()).hasToString("/orders/" + orderId);
    assertThat(response.getBody()).containsEntry("status", "PLACED").containsEntry("amount", 96.0).containsEntry("unitPrice", 48.0);
    await().atMost(Duration.ofSeconds(20)).until(() -> orderEvents.typesOf(orderId).contains("OrderPlaced"));
    assertThat(orderEvents.eventsOf(orderId))
        .singleElement()
        .satisfies(event -> {
          assertThat(event.has("orderStatus")).as("names no order status: order-service decides it").isFalse();
          assertThat(event.path("data").path("amount").decimalValue()).isEqualByComparingTo("96.00");
          assertThat(event.path("data").path("productName").asText()).isEqualTo("Kyusu clay teapot");
          // what the saga starts from, as order-service's contract has it
          assertShapedLike(event.path("data").toString(), OrderPlaced.class, "order-placed.json");
        });
  }

  @Test
  void shouldCreateOneOrderForARepeatedRequestWithTheSameIdempotencyKey() {
    String body = "{\"productId\":\"teapot-kyusu\",\"quantity\":1}";

    ResponseEntity<Map> first = place(body, "key-1");
    ResponseEntity<Map> repeat = place(body, "key-1");

    assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(repeat.getBody().get("orderId")).isEqualTo(first.getBody().get("orderId"));
    assertThat(ordersOfCustomer()).isEqualTo(1);
  }

  @Test
  void shouldCreateOneOrderWhenTheSameRequestIsSentAgainWhileTheFirstIsUnderWay() throws Exception {
    String body = "{\"productId\":\"teapot-kyusu\",\"quantity\":1}";
    CompletableFuture<ResponseEntity<Map>> first;
    CompletableFuture<ResponseEntity<Map>> resent;
    // Given both requests held just before they store the order (each has looked for an earlier one)
    try (HeldLock table = HeldLock.take(dataSource, "LOCK TABLE customer_order IN SHARE ROW EXCLUSIVE MODE")) {
      first = CompletableFuture.supplyAsync(() -> place(body, "key-at-once"));
      resent = CompletableFuture.supplyAsync(() -> place(body, "key-at-once"));
      table.awaitWaiting(2);
      table.release();
    }

    // Then both are answered with the one order that was stored, and announced once
    ResponseEntity<Map> one = first.get(20, TimeUnit.SECONDS);
    ResponseEntity<Map> other = resent.get(20, TimeUnit.SECONDS);
    assertThat(List.of(one.getStatusCode(), other.getStatusCode())).containsOnly(HttpStatus.CREATED);
    assertThat(other.getBody().get("orderId")).isEqualTo(one.getBody().get("orderId"));
    assertThat(ordersOfCustomer()).isEqualTo(1);
    UUID orderId = UUID.fromString((String) one.getBody().get("orderId"));
    await().atMost(Duration.ofSeconds(20)).until(() -> orderEvents.typesOf(orderId).contains("OrderPlaced"));
    UUID marker = placedOrder();
    await().atMost(Duration.ofSeconds(20)).until(() -> orderEvents.typesOf(marker).contains("OrderPlaced"));
    assertThat(orderEvents.typesOf(orderId)).containsExactly("OrderPlaced");
  }

  @Test
  void shouldRefuseAnOrderBeyondTheLargestBankTransferNamingTheQuantityAndStoreNothing() {
    ResponseEntity<Map> tooLarge = place("{\"productId\":\"teapot-gold\",\"quantity\":51}", null);
    ResponseEntity<Map> largest = place("{\"productId\":\"teapot-gold\",\"quantity\":50}", null);

    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(tooLarge.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(tooLarge.getBody().get("errors").toString()).contains("field=quantity");
    assertThat(tooLarge.getBody().get("detail").toString()).contains("1020000.00", "1000000.00");
    assertThat(largest.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(ordersOfCustomer()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAnIdempotencyKeyReusedForADifferentOrder() {
    place("{\"productId\":\"teapot-kyusu\",\"quantity\":1}", "key-2");

    ResponseEntity<Map> other = place("{\"productId\":\"teapot-kyusu\",\"quantity\":3}", "key-2");

    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(other.getBody().get("errors").toString()).contains("field=Idempotency-Key");
    assertThat(ordersOfCustomer()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no quantity       | {\"productId\":\"teapot-kyusu\"}                     | 400 | quantity",
        "zero quantity     | {\"productId\":\"teapot-kyusu\",\"quantity\":0}      | 400 | quantity",
        "too many          | {\"productId\":\"teapot-kyusu\",\"quantity\":101}    | 400 | quantity",
        "quantity as words | {\"productId\":\"teapot-kyusu\",\"quantity\":\"two\"} | 400 | quantity",
        "no product        | {\"quantity\":1}                                     | 400 | productId",
        "unknown product   | {\"productId\":\"no-such-thing\",\"quantity\":1}     | 422 | productId",
        "not json          | {                                                  | 400 | ''"
      })
  void shouldRefuseBadInputNamingTheFieldAndStoreNothing(String caseName, String body, int status, String field) {
    ResponseEntity<Map> response = place(body, null);

    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    if (!field.isEmpty()) {
      assertThat(response.getBody().get("errors").toString()).contains("field=" + field);
    }
    assertThat(ordersOfCustomer()).isZero();
  }

  @Test
  void shouldPlaceTheOrderInTheNameOfTheSignedInCustomerWhateverTheBodySays() {
    ResponseEntity<Map> response = place("{\"customerId\":\"mallory\",\"productId\":\"teapot-kyusu\",\"quantity\":1}", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsEntry("customerId", customerId);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE customer_id = 'mallory'", Integer.class)).isZero();
  }

  @Test
  void shouldShowActOnAndListOnlyTheCustomersOwnOrders() {
    UUID mine = placedOrder();
    String stranger = "stranger-" + UUID.randomUUID();
    TestIdentity.callAs(http, TestIdentity.customer(stranger));
    UUID theirs = placedOrder();

    // The stranger can neither see nor act on the first customer's order: it is not found for them
    assertThat(http.getForEntity("/orders/{id}", Map.class, mine).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.postForEntity("/orders/{id}/cancellation", null, Map.class, mine).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.postForEntity("/orders/{id}/receipt", null, Map.class, mine).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    await().atMost(Duration.ofSeconds(20)).until(() -> orderIdsListed().contains(theirs.toString()));
    assertThat(orderIdsListed()).containsExactly(theirs.toString());

    // and nothing happened to the first customer's order
    assertThat(ORCHESTRATOR.calls("POST", "/saga/orders/" + mine + "/cancellation")).isZero();
    assertThat(ORCHESTRATOR.calls("POST", "/saga/orders/" + mine + "/receipt")).isZero();
    TestIdentity.callAs(http, TestIdentity.customer(customerId));
    assertThat(status(mine)).isEqualTo("PLACED");
    await().atMost(Duration.ofSeconds(20)).until(() -> orderIdsListed().contains(mine.toString()));
    assertThat(orderIdsListed()).containsExactly(mine.toString());
    assertThat(orderEvents.typesOf(mine)).containsExactly("OrderPlaced");
  }

  @Test
  void shouldAskToRetryLaterWhenTheCatalogCannotAnswer() {
    ResponseEntity<Map> response = place("{\"productId\":\"broken-teapot\",\"quantity\":1}", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(ordersOfCustomer()).isZero();
  }

  @Test
  void shouldAnswer404ForAnUnknownOrderAnd400ForAMalformedId() {
    assertThat(http.getForEntity("/orders/{id}", Map.class, UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map> malformed = http.getForEntity("/orders/{id}", Map.class, "order-42");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().get("errors").toString()).contains("field=orderId");
  }

  @Test
  void shouldFollowTheOtherServicesEventsAndNeverGoBack() {
    UUID orderId = placedOrder();

    publish("payment.events", "PayPlaced", orderId);
    await().atMost(Duration.ofSeconds(20)).until(() -> status(orderId).equals("AWAITING_DEPOSIT"));
    publish("delivery.events", "DeliveryStarted", orderId);
    await().atMost(Duration.ofSeconds(20)).until(() -> status(orderId).equals("IN_DELIVERY"));
    publish("payment.events", "PayChecked", orderId);
    UUID marker = placedOrder();
    publish("payment.events", "PayPlaced", marker);
    await().atMost(Duration.ofSeconds(20)).until(() -> status(marker).equals("AWAITING_DEPOSIT"));

    assertThat(status(orderId)).isEqualTo("IN_DELIVERY");
  }

  @Test
  void shouldTakeAReceiptTheSagaTakesAndTellTheSagaOnceHoweverOftenTheCustomerClicks() {
    UUID orderId = placedOrder();
    ORCHESTRATOR.answer("POST", "/saga/orders/" + orderId + "/receipt", 202, sagaExample("receipt-accepted.json", orderId));

    assertThat(http.postForEntity("/orders/{id}/receipt", null, Map.class, orderId).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(http.postForEntity("/orders/{id}/receipt", null, Map.class, orderId).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    await().atMost(Duration.ofSeconds(20)).until(() -> orderEvents.typesOf(orderId).contains("ReceiptConfirmed"));
    UUID marker = placedOrder();
    await().atMost(Duration.ofSeconds(20)).until(() -> orderEvents.typesOf(marker).contains("OrderPlaced"));
    assertThat(orderEvents.typesOf(orderId)).containsExactly("OrderPlaced", "ReceiptConfirmed");
    assertThat(ORCHESTRATOR.calls("POST", "/saga/orders/" + orderId + "/receipt")).isEqualTo(1);
  }

  @Test
  void shouldRefuseAReceiptTheSagaRefusesWithItsReasonAndTellNobody() {
    UUID orderId = placedOrder();
    ORCHESTRATOR.answer("POST", "/saga/orders/" + orderId + "/receipt", 409, sagaExample("receipt-refused.json", orderId));

    ResponseEntity<Map> refused = http.postForEntity("/orders/{id}/receipt", null, Map.class, orderId);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(refused.getBody()).containsEntry("title", "Receipt refused")
        .containsEntry("detail", "Order " + orderId + " is not in delivery yet.")
        .containsEntry("orderId", orderId.toString());
    UUID marker = placedOrder();
    await().atMost(Duration.ofSeconds(20)).until(() -> orderEvents.typesOf(marker).contains("OrderPlaced"));
    assertThat(orderEvents.typesOf(orderId)).containsExactly("OrderPlaced");
  }

  @Test
  void shouldAskToRetryAReceiptWhileTheOrchestratorCannotDecideIt() {
    UUID orderId = placedOrder();
    ORCHESTRATOR.answer("POST", "/saga/orders/" + orderId + "/receipt", 503, "{}");

    ResponseEntity<Map> answer = http.postForEntity("/orders/{id}/receipt", null, Map.class, orderId);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
  }

  @Test
  void shouldTakeACancellationTheSagaTakesSendingItTheOrdersFacts() {
    UUID orderId = placedOrder();
    ORCHESTRATOR.answer("POST", "/saga/orders/" + orderId + "/cancellation", 202, sagaExample("cancellation-accepted.json", orderId));

    ResponseEntity<Map> response = http.postForEntity("/orders/{id}/cancellation", Map.of("reason", "ordered the wrong tea"), Map.class, orderId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertShapedLike(ORCHESTRATOR.body("POST", "/saga/orders/" + orderId + "/cancellation"), CancellationRequest.class, "cancellation-request.json");
  }

  @Test
  void shouldRefuseACancellationTheSagaRefusesWithItsReason() {
    UUID orderId = placedOrder();
    ORCHESTRATOR.answer("POST", "/saga/orders/" + orderId + "/cancellation", 409, sagaExample("cancellation-refused.json", orderId));

    ResponseEntity<Map> refused = http.postForEntity("/orders/{id}/cancellation", null, Map.class, orderId);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody()).containsEntry("title", "Cancellation refused")
        .containsEntry("detail", "The seller has confirmed the deposit of order " + orderId + "; it can no longer be cancelled.");
    assertThat(status(orderId)).isEqualTo("PLACED");
  }

  @Test
  void shouldAskToRetryACancellationWhileTheOrchestratorCannotDecideIt() {
    UUID orderId = placedOrder();
    ORCHESTRATOR.answer("POST", "/saga/orders/" + orderId + "/cancellation", 503, "{}");

    ResponseEntity<Map> response = http.postForEntity("/orders/{id}/cancellation", null, Map.class, orderId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(status(orderId)).isEqualTo("PLACED");
  }

  @Test
  void shouldAnswerACancellationOfACancelledOrderWithoutAskingAgain() {
    UUID orderId = placedOrder();
    TestIdentity.callAs(http, TestIdentity.service("orchestrator", "orders.saga"));
    http.postForEntity("/internal/orders/{id}/cancellation", Map.of("reason", "DEPOSIT_DEADLINE"), Map.class, orderId);
    TestIdentity.callAs(http, TestIdentity.customer(customerId));

    ResponseEntity<Map> response = http.postForEntity("/orders/{id}/cancellation", null, Map.class, orderId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("status", "CANCELLED").containsEntry("cancellationReason", "DEPOSIT_DEADLINE");
    await().atMost(Duration.ofSeconds(20)).until(() -> orderEvents.typesOf(orderId).contains("OrderCanceled"));
    assertThat(orderEvents.typesOf(orderId)).containsExactly("OrderPlaced", "OrderCanceled");
  }

  @Test
  void shouldRefuseCancellationsOfUnknownMalformedOrWronglyWrittenRequests() {
    assertThat(http.postForEntity("/orders/{id}/cancellation", null, Map.class, UUID.randomUUID()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.postForEntity("/orders/{id}/cancellation", null, Map.class, "42").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> notJson =
        http.postForEntity("/orders/{id}/cancellation", new HttpEntity<>("please cancel", headers), Map.class, placedOrder());
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notJson.getHeaders().getContentType()).hasToString("application/problem+json");
  }

  @Test
  void shouldSkipAPoisonEventAndKeepFollowingOrders() {
    try (TopicRecorder deadLetters = TopicRecorder.of(brokers, "payment.events.DLT")) {
      UUID orderId = placedOrder();
      TopicRecorder.send(brokers, "payment.events", orderId.toString(), "PayPlaced but garbled".getBytes(StandardCharsets.UTF_8));
      publish("payment.events", "PayPlaced", orderId);

      await().atMost(Duration.ofSeconds(20)).until(() -> status(orderId).equals("AWAITING_DEPOSIT"));
      await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.records().stream().anyMatch(r -> orderId.toString().equals(r.key())));
    }
  }

  private UUID placedOrder() {
    return UUID.fromString(
        (String) place("{\"productId\":\"teapot-kyusu\",\"quantity\":1}", null).getBody().get("orderId"));
  }

  private ResponseEntity<Map> place(String bodyTemplate, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return http.postForEntity("/orders", new HttpEntity<>(bodyTemplate.formatted(customerId), headers), Map.class);
  }

  private void publish(String topic, String type, UUID orderId) {
    TopicRecorder.send(brokers, topic, orderId.toString(), TopicRecorder.envelope(type, orderId, Map.of()));
  }

  private String status(UUID orderId) {
    return (String) http.getForObject("/orders/{id}", Map.class, orderId).get("status");
  }

  /** The ids of the signed-in customer's orders, as GET /orders lists them (a customerId parameter changes nothing). */
  private List<String> orderIdsListed() {
    Map page = http.getForObject("/orders?customerId=" + customerId, Map.class);
    return ((List<Map<String, Object>>) page.get("orders")).stream().map(order -> (String) order.get("orderId")).toList();
  }

  private int ordersOfCustomer() {
    return jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE customer_id = ?", Integer.class, customerId);
  }

  /** The saga's answer for this order, as the orchestrator's contract's example has it. */
  private static String sagaExample(String name, UUID orderId) {
    return example(SagaProblems.class, name).replace("6b1d4f1e-3f7a-4a55-9a53-0d7c1f0e2a11", orderId.toString());
  }
}
