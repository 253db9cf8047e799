package io.sagashop.payment.transfer;

import static io.sagashop.testsupport.ContractExamples.assertShapedLike;
import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.order.contract.OrderEventType;
import io.sagashop.payment.contract.PaymentApi;
import io.sagashop.payment.contract.PaymentRequest;
import io.sagashop.payment.contract.PaymentView;
import io.sagashop.testsupport.HeldLock;
import io.sagashop.testsupport.HostileRecords;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import io.sagashop.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceIntegrationTest
class PaymentApiTest {

  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  private final UUID orderId = UUID.randomUUID();
  private TopicRecorder events;

  @BeforeEach
  void callAsTheirCaller() {
    TestIdentity.callAs(http, TestIdentity.service("orchestrator", "payments.saga"));
  }

  @BeforeEach
  void record() {
    events = TopicRecorder.of(brokers, "payment.events");
  }

  @AfterEach
  void stopRecording() {
    events.close();
  }

  @Test
  void shouldOpenOnePaymentPerOrderHoweverOftenTheStepRuns() {
    ResponseEntity<Map> first = place("96.00");
    ResponseEntity<Map> again = place("96.00");

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody())
        .containsEntry("status", "PLACED")
        .containsEntry("amount", 96.0)
        .containsKey("bankAccount");
    assertThat((String) first.getBody().get("transferReference")).matches("SAGA-[2-9A-HJ-NP-Z]{11}");
    assertThat(again.getBody().get("transferReference")).isEqualTo(first.getBody().get("transferReference"));
    await().atMost(Duration.ofSeconds(20)).until(() -> events.typesOf(orderId).contains("PayPlaced"));
    assertThat(events.eventsOf(orderId))
        .singleElement()
        .satisfies(event -> {
          assertThat(event.has("orderStatus")).as("names no order status: order-service decides it").isFalse();
          assertThat(event.path("data").path("transferReference").asText()).isEqualTo(first.getBody().get("transferReference"));
        });
  }

  @Test
  void shouldTakeTheContractsRequestAndAnswerTheContractsPayment() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> placed = http.exchange(PaymentApi.PAYMENT, HttpMethod.PUT,
        new HttpEntity<>(example(PaymentRequest.class, "payment-request.json"), headers), String.class, orderId);

    assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertShapedLike(placed.getBody(), PaymentView.class, "payment.json");
    assertShapedLike(http.postForEntity(PaymentApi.CHECK, null, String.class, orderId).getBody(), PaymentView.class, "payment.json");
    await().atMost(Duration.ofSeconds(20)).until(() -> events.typesOf(orderId).contains("PayChecked"));
    assertThat(events.eventsOf(orderId)).allSatisfy(event -> assertShapedLike(event.path("data").toString(), PaymentView.class, "payment.json"));
  }

  @Test
  void shouldRecordTheDepositOnceAndRefundItWhenCancelledAfterwards() {
    place("20.00");

    assertThat(http.postForEntity("/payments/{id}/check", null, Map.class, orderId).getBody()).containsEntry("status", "CHECKED");
    assertThat(http.postForEntity("/payments/{id}/check", null, Map.class, orderId).getBody()).containsEntry("status", "CHECKED");
    assertThat(http.postForEntity("/payments/{id}/cancellation", null, Map.class, orderId).getBody())
        .containsEntry("status", "REFUNDED");
    assertThat(http.postForEntity("/payments/{id}/cancellation", null, Map.class, orderId).getBody())
        .containsEntry("status", "REFUNDED");

    await().atMost(Duration.ofSeconds(20)).until(() -> events.typesOf(orderId).contains("PayCanceled"));
    assertThat(events.typesOf(orderId)).containsExactly("PayPlaced", "PayChecked", "PayCanceled");
  }

  @Test
  void shouldVoidAPaymentWhoseDepositNeverCame() {
    place("20.00");

    assertThat(http.postForEntity("/payments/{id}/cancellation", null, Map.class, orderId).getBody())
        .containsEntry("status", "CANCELED");
    ResponseEntity<Map> lateDeposit = http.postForEntity("/payments/{id}/check", null, Map.class, orderId);
    assertThat(lateDeposit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(lateDeposit.getBody()).containsEntry("status", "CANCELED");
  }

  @Test
  void shouldVoidThePaymentOfACancelledOrderAndOpenNoneAfterwards() {
    place("20.00");
    UUID paidLater = UUID.randomUUID();

    cancelled(orderId);
    cancelled(paidLater);

    await().atMost(Duration.ofSeconds(20))
        .until(() -> "CANCELED".equals(http.getForObject("/payments/{id}", Map.class, orderId).get("status")));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> http.exchange(PaymentApi.PAYMENT, HttpMethod.PUT, new HttpEntity<>(Map.of("amount", "20.00")), Map.class, paidLater)
            .getStatusCode() == HttpStatus.CONFLICT);
    assertThat(http.getForEntity("/payments/{id}", Map.class, paidLater).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    cancelled(orderId);
    await().atMost(Duration.ofSeconds(20)).until(() -> events.typesOf(orderId).contains("PayCanceled"));
    assertThat(events.typesOf(orderId)).containsExactly("PayPlaced", "PayCanceled");
  }

  @Test
  void shouldLeaveNoOpenPaymentWhenTheOrderIsCancelledWhilstItsPaymentIsBeingOpened() throws Exception {
    CompletableFuture<ResponseEntity<Map>> placing;
    // Given "Request bank transfer" held just before it stores the payment
    try (HeldLock payments = HeldLock.take(dataSource, "LOCK TABLE payment IN SHARE ROW EXCLUSIVE MODE")) {
      placing = CompletableFuture.supplyAsync(() -> place("30.00"));
      payments.awaitWaiting(1);
      // When the order's cancellation arrives meanwhile (it goes through, or waits for the payment)
      cancelled(orderId);
      await().atMost(Duration.ofSeconds(20)).until(() -> cancellationRecorded() || payments.waiting() == 2);
      payments.release();
    }
    placing.get(20, TimeUnit.SECONDS);

    // Then the payment that was opened is voided: none stays open on a cancelled order
    await().atMost(Duration.ofSeconds(20))
        .until(() -> !"PLACED".equals(http.getForObject("/payments/{id}", Map.class, orderId).get("status")));
    assertThat(http.getForObject("/payments/{id}", Map.class, orderId)).containsEntry("status", "CANCELED");
  }

  private boolean cancellationRecorded() {
    return new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM cancelled_order WHERE order_id = ?", Integer.class, orderId) > 0;
  }

  @Test
  void shouldRefuseAnAmountThatIsNotPositiveNamingTheField() {
    ResponseEntity<Map> response = place("-1");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").toString()).contains("field=amount");
    assertThat(http.getForEntity("/payments/{id}", Map.class, orderId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldRefuseAMalformedOrderId() {
    ResponseEntity<Map> response = http.getForEntity("/payments/{id}", Map.class, "not-a-uuid");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").toString()).contains("field=orderId");
  }

  private void cancelled(UUID order) {
    TopicRecorder.send(brokers, "order.events", order.toString(), TopicRecorder.envelope(OrderEventType.OrderCanceled.name(), order, Map.of()));
  }

  private ResponseEntity<Map> place(String amount) {
    return http.exchange(PaymentApi.PAYMENT, HttpMethod.PUT, new HttpEntity<>(Map.of("amount", amount)), Map.class, orderId);
  }

  /** Every record HostileRecords makes of OrderCanceled, each followed on its partition by the OrderCanceled of another order. */
  @Test
  void shouldGoOnPastEveryHostileOrderEvent() {
    List<UUID> nexts = HostileRecords.sendEachBeforeAGoodOne(brokers, "order.events",
        TopicRecorder.envelope(OrderEventType.OrderCanceled.name(), orderId, Map.of("orderId", orderId.toString())),
        next -> TopicRecorder.envelope(OrderEventType.OrderCanceled.name(), next, Map.of()));

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
        jdbc.queryForObject("SELECT count(*) FROM cancelled_order WHERE order_id = ANY (?)", Integer.class, (Object) nexts.toArray(UUID[]::new)))
        .isEqualTo(nexts.size()));
  }
}
