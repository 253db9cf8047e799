package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.delivery.contract.DeliveryView;
import io.sagashop.order.contract.OrderPlaced;
import io.sagashop.testsupport.ContractExamples;
import io.sagashop.testsupport.HostileRecords;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The saga's consumers against every record HostileRecords makes of the events they read (OrderPlaced
 * and ReceiptConfirmed on order.events, DeliveryStarted and DeliveryCancelled on delivery.events), each
 * followed on its partition by a good message of another order: every good one reaches the saga's
 * inbox within the minute, whatever came before it.
 */
@ServiceIntegrationTest
class SagaHostileRecordsTest {

  @Autowired JdbcTemplate jdbc;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  @Test
  void shouldGoOnPastEveryHostileRecordOnEveryTopicItReads() {
    UUID hostileOrder = UUID.randomUUID();
    Map<String, Object> placed = ContractExamples.read(OrderPlaced.class, "order-placed.json", Map.class);
    Map<String, Object> delivery = ContractExamples.read(DeliveryView.class, "delivery.json", Map.class);
    List<UUID> nexts = new ArrayList<>();
    nexts.addAll(HostileRecords.sendEachBeforeAGoodOne(brokers, "order.events", TopicRecorder.envelope("OrderPlaced", hostileOrder, placed),
        next -> TopicRecorder.envelope("ReceiptConfirmed", next, Map.of())));
    nexts.addAll(HostileRecords.sendEachBeforeAGoodOne(brokers, "order.events", TopicRecorder.envelope("ReceiptConfirmed", hostileOrder, Map.of()),
        next -> TopicRecorder.envelope("ReceiptConfirmed", next, Map.of())));
    for (String type : List.of("DeliveryStarted", "DeliveryCancelled")) {
      nexts.addAll(HostileRecords.sendEachBeforeAGoodOne(brokers, "delivery.events", TopicRecorder.envelope(type, hostileOrder, delivery),
          next -> TopicRecorder.envelope("DeliveryStarted", next, delivery)));
    }

    assertThat(nexts).hasSizeGreaterThan(60);
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
        jdbc.queryForObject("SELECT count(DISTINCT order_id) FROM saga_inbox WHERE order_id = ANY (?)", Integer.class,
            (Object) nexts.toArray(UUID[]::new))).isEqualTo(nexts.size()));
  }
}
