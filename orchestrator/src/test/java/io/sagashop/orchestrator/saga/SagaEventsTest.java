package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The saga hears the services' events over a real Kafka broker and keeps its state in PostgreSQL. */
@ServiceIntegrationTest
class SagaEventsTest {

  @Autowired RuntimeService runtime;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  @Test
  void shouldStartOneSagaWhenOrderPlacedArrivesTwice() {
    UUID orderId = UUID.randomUUID();

    orderPlaced(orderId);
    orderPlaced(orderId);
    UUID later = UUID.randomUUID();
    orderPlaced(later);

    await().atMost(Duration.ofSeconds(30)).until(() -> sagasOf(later) == 1);
    assertThat(sagasOf(orderId)).isEqualTo(1);
    assertThat(runtime.getVariables(instanceOf(orderId)))
        .containsEntry(SagaVariables.ORDER_ID, orderId.toString())
        .containsEntry(SagaVariables.QUANTITY, 2)
        .containsEntry(SagaVariables.AMOUNT, "96.00");
    // The facts a task completion cannot write, for OrderFactsGuard
    assertThat(jdbc.queryForMap("SELECT product_id, quantity, amount FROM started_order WHERE order_id = ?", orderId))
        .containsEntry("product_id", "teapot-kyusu")
        .containsEntry("quantity", 2)
        .containsEntry("amount", new java.math.BigDecimal("96.00"));
  }

  @Test
  void shouldSendAnOrderPlacedWithoutItsDataToTheDeadLetterTopic() {
    UUID orderId = UUID.randomUUID();
    try (TopicRecorder deadLetters = TopicRecorder.of(brokers, "order.events.DLT")) {
      TopicRecorder.send(brokers, "order.events", orderId.toString(), TopicRecorder.envelope("OrderPlaced", orderId, Map.of()));
      UUID next = UUID.randomUUID();
      orderPlaced(next);

      await().atMost(Duration.ofSeconds(30)).until(() -> sagasOf(next) == 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.records().stream().anyMatch(r -> orderId.toString().equals(r.key())));
      // by the orchestrator's consumer group, whichever of its listener containers read it
      assertThat(deadLetters.records().stream().filter(r -> orderId.toString().equals(r.key())))
          .allSatisfy(r -> assertThat(new String(r.headers().lastHeader("kafka_dlt-original-consumer-group").value(),
              java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("orchestrator"));
      assertThat(sagasOf(orderId)).isZero();
    }
  }

  @Test
  void shouldIgnoreEventsThatAreNoneOfTheSagasBusiness() {
    UUID orderId = UUID.randomUUID();
    TopicRecorder.send(brokers, "order.events", orderId.toString(), TopicRecorder.envelope("OrderClosed", orderId, Map.of()));
    UUID next = UUID.randomUUID();
    orderPlaced(next);

    await().atMost(Duration.ofSeconds(30)).until(() -> sagasOf(next) == 1);
    assertThat(sagasOf(orderId)).isZero();
  }

  private void orderPlaced(UUID orderId) {
    TopicRecorder.send(
        brokers,
        "order.events",
        orderId.toString(),
        TopicRecorder.envelope(
            "OrderPlaced",
            orderId,
            Map.of("productId", "teapot-kyusu", "productName", "Kyusu clay teapot", "quantity", 2, "amount", 96.00)));
  }

  private long sagasOf(UUID orderId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).count();
  }

  private String instanceOf(UUID orderId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).singleResult().getId();
  }
}
