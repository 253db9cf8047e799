package io.sagashop.delivery.shipping;

import static io.sagashop.testsupport.ContractExamples.assertShapedLike;
import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.delivery.contract.DeliveryCommandType;
import io.sagashop.delivery.contract.DeliveryView;
import io.sagashop.delivery.contract.StartDelivery;
import io.sagashop.testsupport.HeldLock;
import io.sagashop.testsupport.HostileRecords;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import io.sagashop.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceIntegrationTest
class DeliveryCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMMANDS = "delivery.commands";

  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;
  @Autowired DeliveryService deliveries;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  private final UUID orderId = UUID.randomUUID();
  private TopicRecorder events;

  @BeforeEach
  void callAsTheirCaller() {
    TestIdentity.callAs(http, TestIdentity.service("orchestrator", "deliveries.read"));
  }

  @BeforeEach
  void record() {
    events = TopicRecorder.of(brokers, "delivery.events");
  }

  @AfterEach
  void stopRecording() {
    events.close();
  }

  @Test
  void shouldStartOneDeliveryPerOrderWhenTheCommandComesTwice() {
    startDelivery(orderId);
    startDelivery(orderId);

    await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(orderId).contains("DeliveryStarted"));
    Map<String, Object> delivery = http.getForObject("/deliveries/{id}", Map.class, orderId);
    assertThat(delivery).containsEntry("status", "STARTED").containsEntry("quantity", 2);
    assertThat((String) delivery.get("trackingNumber")).startsWith("SP");
    // the second command was read after the first (same key, same partition): no second event follows
    UUID later = UUID.randomUUID();
    startDelivery(later);
    await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(later).contains("DeliveryStarted"));
    assertThat(events.typesOf(orderId)).containsExactly("DeliveryStarted");
    assertThat(events.eventsOf(orderId).get(0).has("orderStatus")).as("names no order status: order-service decides it").isFalse();
  }

  @Test
  void shouldShipTheContractsStartDeliveryAndShowTheContractsDelivery() throws Exception {
    send(DeliveryCommandType.StartDelivery, orderId, JSON.readTree(example(StartDelivery.class, "start-delivery.json")));

    await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(orderId).contains("DeliveryStarted"));
    ResponseEntity<String> delivery = http.getForEntity("/deliveries/{id}", String.class, orderId);
    assertThat(delivery.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertShapedLike(delivery.getBody(), DeliveryView.class, "delivery.json");
    assertShapedLike(events.eventsOf(orderId).get(0).path("data").toString(), DeliveryView.class, "delivery.json");
  }

  @Test
  void shouldDeadLetterAStartDeliveryThatBreaksTheContractNamingTheField() {
    try (TopicRecorder deadLetters = TopicRecorder.of(brokers, COMMANDS + ".DLT")) {
      send(DeliveryCommandType.StartDelivery, orderId, Map.of("productId", "cups-set", "quantity", 0));

      await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.records().stream().anyMatch(r -> orderId.toString().equals(r.key())));
      assertThat(deadLetters.records())
          .filteredOn(r -> orderId.toString().equals(r.key()))
          .singleElement()
          .satisfies(r -> assertThat(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
              .contains("invalid fields: quantity must be greater than or equal to 1"));
      assertThat(http.getForEntity("/deliveries/{id}", Map.class, orderId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void shouldSendAPoisonCommandToTheDeadLetterTopicAndGoOn() {
    try (TopicRecorder deadLetters = TopicRecorder.of(brokers, COMMANDS + ".DLT")) {
      TopicRecorder.send(brokers, COMMANDS, orderId.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
      UUID next = UUID.randomUUID();
      startDelivery(next);

      await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(next).contains("DeliveryStarted"));
      await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.records().stream().anyMatch(r -> orderId.toString().equals(r.key())));
      assertThat(deadLetters.records())
          .filteredOn(r -> orderId.toString().equals(r.key()))
          .singleElement()
          .satisfies(r -> assertThat(new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
              .contains("not a sagashop event"));
      assertThat(http.getForEntity("/deliveries/{id}", Map.class, orderId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void shouldCancelADeliveryThatHasNotStartedOnceAndNeverShipItAfter() {
    // a StartDelivery whose send was retried after the CancelDelivery (an outbox resubmission)
    cancelDelivery(orderId);
    cancelDelivery(orderId);
    startDelivery(orderId);
    UUID next = UUID.randomUUID();
    startDelivery(next);

    await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(next).contains("DeliveryStarted"));
    assertThat(events.typesOf(orderId)).containsExactly("DeliveryCancelled");
    assertThat(http.getForEntity("/deliveries/{id}", Map.class, orderId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldKeepADeliveryThatStartedBeforeItsCancellationArrived() {
    // delivery-service was down past the deadline: both commands wait, in the order they were sent
    startDelivery(orderId);
    cancelDelivery(orderId);
    UUID next = UUID.randomUUID();
    startDelivery(next);

    await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(next).contains("DeliveryStarted"));
    assertThat(events.typesOf(orderId)).containsExactly("DeliveryStarted");
    assertThat(http.getForObject("/deliveries/{id}", Map.class, orderId)).containsEntry("status", "STARTED");
  }

  @Test
  void shouldEitherShipOrCancelAnOrderWhoseStartAndCancellationRunAtOnce() throws Exception {
    CompletableFuture<Optional<Delivery>> cancelling;
    // Given a StartDelivery held just before it stores the delivery
    try (HeldLock table = HeldLock.take(dataSource, "LOCK TABLE delivery IN SHARE ROW EXCLUSIVE MODE")) {
      startDelivery(orderId);
      table.awaitWaiting(1);
      // When the cancellation comes meanwhile (say, from a second replica): it goes through, or waits for the start
      cancelling = CompletableFuture.supplyAsync(() -> deliveries.cancel(orderId));
      await().atMost(Duration.ofSeconds(20)).until(() -> cancelling.isDone() || table.waiting() == 2);
      table.release();
    }

    // Then the order is either shipped or cancelled, never both: the start won here, so the cancellation sees it
    assertThat(cancelling.get(20, TimeUnit.SECONDS)).isPresent();
    await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(orderId).contains("DeliveryStarted"));
    assertThat(events.typesOf(orderId)).containsExactly("DeliveryStarted");
  }

  @Test
  void shouldShipTwoOrdersWhoseIdsShareTheirFirstTwelveDigitsWithTrackingNumbersOfTheirOwn() {
    // before, the tracking number was the id's first 12 hex digits: the second order broke the
    // UNIQUE constraint on every retry, and every command behind it on its partition waited for good
    UUID first = UUID.fromString("0badc0de-1234-4000-8000-" + UUID.randomUUID().toString().substring(24));
    UUID second = UUID.fromString("0badc0de-1234-4000-9000-" + UUID.randomUUID().toString().substring(24));
    UUID behind = UUID.randomUUID();

    startDelivery(first);
    startDelivery(second);
    send(DeliveryCommandType.StartDelivery, behind, new StartDelivery("cups-set", 1));

    await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(second).contains("DeliveryStarted") && events.typesOf(behind).contains("DeliveryStarted"));
    String firstNumber = (String) http.getForObject("/deliveries/{id}", Map.class, first).get("trackingNumber");
    String secondNumber = (String) http.getForObject("/deliveries/{id}", Map.class, second).get("trackingNumber");
    assertThat(firstNumber).matches("SP-\\d{12}");
    assertThat(secondNumber).matches("SP-\\d{12}").isNotEqualTo(firstNumber);
  }

  /** Every record HostileRecords makes of both commands, each followed on its partition by a StartDelivery of another order. */
  @Test
  void shouldGoOnPastEveryHostileCommand() throws Exception {
    JsonNode start = JSON.readTree(example(StartDelivery.class, "start-delivery.json"));
    List<UUID> nexts = new ArrayList<>();
    for (DeliveryCommandType type : DeliveryCommandType.values()) {
      Object data = type == DeliveryCommandType.StartDelivery ? start : Map.of();
      nexts.addAll(HostileRecords.sendEachBeforeAGoodOne(brokers, COMMANDS, TopicRecorder.envelope(type.name(), orderId, data),
          next -> TopicRecorder.envelope(DeliveryCommandType.StartDelivery.name(), next, start)));
    }

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
        jdbc.queryForObject("SELECT count(*) FROM delivery WHERE order_id = ANY (?)", Integer.class, (Object) nexts.toArray(UUID[]::new)))
        .isEqualTo(nexts.size()));
  }

  @Test
  void shouldIgnoreCommandsItDoesNotKnow() {
    TopicRecorder.send(brokers, COMMANDS, orderId.toString(), TopicRecorder.envelope("RepaintWarehouse", orderId, Map.of()));
    UUID next = UUID.randomUUID();
    startDelivery(next);

    await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(next).contains("DeliveryStarted"));
    assertThat(http.getForEntity("/deliveries/{id}", Map.class, orderId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private void cancelDelivery(UUID order) {
    send(DeliveryCommandType.CancelDelivery, order, Map.of());
  }

  private void startDelivery(UUID order) {
    send(DeliveryCommandType.StartDelivery, order, new StartDelivery("cups-set", 2));
  }

  private void send(DeliveryCommandType type, UUID order, Object data) {
    TopicRecorder.send(brokers, COMMANDS, order.toString(), TopicRecorder.envelope(type.name(), order, data));
  }
}
