package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TopicRecorder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Messages that come before the saga waits for them, twice, or after it ended, over a real Kafka
 * broker and PostgreSQL: kept in the inbox and delivered when the saga waits, never holding up
 * another order, never dead-lettered.
 */
@ServiceIntegrationTest
class SagaInboxTest {

  private static final Duration SOON = Duration.ofSeconds(20);

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired SagaInbox inbox;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  @Test
  void shouldKeepAReceiptThatComesBeforeTheDeliveryStartedWithoutHoldingUpOtherOrders() {
    try (TopicRecorder deadLetters = TopicRecorder.of(brokers, "order.events.DLT")) {
      // Given a saga waiting for its delivery to start
      UUID early = sagaAwaitingDelivery();

      // When the customer's receipt comes first, and another order follows it on the same partition
      send("order.events", 0, early, event("ReceiptConfirmed", early));
      UUID next = UUID.randomUUID();
      send("order.events", 0, next, orderPlaced(next));

      // Then the next order's saga starts at once, and the receipt waits in the inbox
      await().atMost(SOON).until(() -> sagasOf(next) == 1);
      await().atMost(SOON).until(() -> inboxStatusesOf(early).equals(List.of("PENDING")));

      // When the delivery starts, then the saga takes both and goes on to close the order
      send("delivery.events", null, early, event("DeliveryStarted", early));
      await().atMost(SOON).until(() -> passed(early, "Event_ReceiptConfirmed"));
      assertThat(inboxStatusesOf(early)).containsOnly("DELIVERED").hasSize(2);
      assertThat(deadLetters.records()).noneMatch(record -> early.toString().equals(record.key()));
    }
  }

  @Test
  void shouldChangeNothingWhenDeliveryStartedComesTwice() {
    // Given a saga waiting for its delivery to start
    UUID orderId = sagaAwaitingDelivery();
    byte[] deliveryStarted = event("DeliveryStarted", orderId);

    // When the same event comes twice (the outbox sends again what the broker did not acknowledge),
    // and once more under another id
    send("delivery.events", 0, orderId, deliveryStarted);
    send("delivery.events", 0, orderId, deliveryStarted);
    send("delivery.events", 0, orderId, event("DeliveryStarted", orderId));
    UUID next = UUID.randomUUID();
    send("order.events", null, next, orderPlaced(next));

    // Then the saga took it once, the stray one waits harmlessly, and other orders go on
    await().atMost(SOON).until(() -> sagasOf(next) == 1);
    await().atMost(SOON).until(() -> inboxStatusesOf(orderId).size() == 2);
    assertThat(inboxStatusesOf(orderId)).containsExactlyInAnyOrder("DELIVERED", "PENDING");
    assertThat(history.createHistoricActivityInstanceQuery().activityId("Event_DeliveryStarted")
        .processInstanceId(instanceOf(orderId)).count()).isEqualTo(1);
    assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(orderId.toString())
        .messageEventSubscriptionName("ReceiptConfirmed").count()).isEqualTo(1);
  }

  @Test
  void shouldForgetSettledMessagesAfterTheRetentionAndKeepPendingOnes() {
    UUID orderId = UUID.randomUUID();
    Instant now = Instant.now();
    UUID oldDelivered = stored(orderId, "DELIVERED", now.minus(Duration.ofDays(70)));
    UUID oldDropped = stored(orderId, "DROPPED", now.minus(Duration.ofDays(61)));
    UUID recentDelivered = stored(orderId, "DELIVERED", now.minus(Duration.ofDays(59)));
    UUID oldPending = stored(orderId, "PENDING", null);

    int forgotten = inbox.forgetSettledLongerThan(Duration.ofDays(60));

    assertThat(forgotten).isGreaterThanOrEqualTo(2);
    assertThat(jdbc.queryForList("SELECT event_id FROM saga_inbox WHERE order_id = ?", UUID.class, orderId))
        .containsExactlyInAnyOrder(recentDelivered, oldPending)
        .doesNotContain(oldDelivered, oldDropped);
  }

  private UUID stored(UUID orderId, String status, Instant settledAt) {
    UUID eventId = UUID.randomUUID();
    jdbc.update("INSERT INTO saga_inbox (event_id, order_id, message, status, received_at, settled_at) VALUES (?, ?, 'ReceiptConfirmed', ?, ?, ?)",
        eventId, orderId, status, Timestamp.from(Instant.now().minus(Duration.ofDays(90))), settledAt == null ? null : Timestamp.from(settledAt));
    return eventId;
  }

  @Test
  void shouldRecordAndDropAMessageForASagaThatHasEnded() {
    // Given a saga that has ended
    UUID orderId = sagaAwaitingDelivery();
    runtime.deleteProcessInstance(instanceOf(orderId), "ended by the test");

    // When a receipt comes for it
    send("order.events", null, orderId, event("ReceiptConfirmed", orderId));

    // Then it is recorded as dropped
    await().atMost(SOON).until(() -> inboxStatusesOf(orderId).equals(List.of("DROPPED")));
  }

  @Test
  void shouldDropALateDuplicateForASagaWhoseHistoryTheCleanupHasDeleted() {
    // Given a saga that ended, and whose history the nightly cleanup deleted after its 180 days
    UUID orderId = sagaAwaitingDelivery();
    String instance = instanceOf(orderId);
    runtime.deleteProcessInstance(instance, "ended by the test");
    history.deleteHistoricProcessInstance(instance);

    // When a late duplicate of its receipt comes
    send("order.events", null, orderId, event("ReceiptConfirmed", orderId));

    // Then it is dropped, not kept pending for ever (and swept by every replica every 10 s)
    await().atMost(SOON).until(() -> inboxStatusesOf(orderId).equals(List.of("DROPPED")));
  }

  @Test
  void shouldDeliverEveryMessageOfACrowdWhateverComesFirst() throws Exception {
    // Given 24 sagas waiting for their deliveries to start
    List<UUID> orders = IntStream.range(0, 24).mapToObj(i -> sagaAwaitingDelivery()).toList();

    // When each saga's DeliveryStarted and ReceiptConfirmed are sent at once, in random order
    List<Runnable> sends = new ArrayList<>();
    for (UUID orderId : orders) {
      sends.add(() -> send("delivery.events", null, orderId, event("DeliveryStarted", orderId)));
      sends.add(() -> send("order.events", null, orderId, event("ReceiptConfirmed", orderId)));
    }
    Collections.shuffle(sends);
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> sent = sends.stream().<Future<?>>map(senders::submit).toList();
      for (Future<?> each : sent) {
        each.get();
      }
    } finally {
      senders.shutdown();
    }

    // Then every saga took both messages, and nothing waits in the inbox
    await().atMost(Duration.ofSeconds(60)).until(() -> orders.stream().allMatch(orderId -> passed(orderId, "Event_ReceiptConfirmed")));
    for (UUID orderId : orders) {
      assertThat(inboxStatusesOf(orderId)).as("inbox of %s", orderId).containsExactly("DELIVERED", "DELIVERED");
    }
  }

  /** A saga as it is after Request delivery: waiting for DeliveryStarted (or the deadline). */
  private UUID sagaAwaitingDelivery() {
    UUID orderId = UUID.randomUUID();
    runtime.createProcessInstanceByKey("order-saga")
        .businessKey(orderId.toString())
        .setVariables(Map.of(
            SagaVariables.ORDER_ID, orderId.toString(),
            SagaVariables.PRODUCT_ID, "teapot-kyusu",
            SagaVariables.QUANTITY, 2,
            SagaVariables.AMOUNT, "96.00"))
        .startBeforeActivity("Gateway_AwaitDelivery")
        .execute();
    return orderId;
  }

  private void send(String topic, Integer partition, UUID orderId, byte[] event) {
    TopicRecorder.send(brokers, topic, partition, orderId.toString(), event);
  }

  private static byte[] event(String type, UUID orderId) {
    return TopicRecorder.envelope(type, orderId, Map.of());
  }

  private static byte[] orderPlaced(UUID orderId) {
    return TopicRecorder.envelope("OrderPlaced", orderId,
        Map.of("productId", "teapot-kyusu", "productName", "Kyusu clay teapot", "quantity", 2, "amount", 96.00));
  }

  private List<String> inboxStatusesOf(UUID orderId) {
    return jdbc.queryForList("SELECT status FROM saga_inbox WHERE order_id = ? ORDER BY status", String.class, orderId);
  }

  private boolean passed(UUID orderId, String activityId) {
    return history.createHistoricActivityInstanceQuery()
        .processInstanceId(instanceOf(orderId)).activityId(activityId).finished().count() == 1;
  }

  private long sagasOf(UUID orderId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).count();
  }

  private String instanceOf(UUID orderId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).singleResult().getId();
  }
}
