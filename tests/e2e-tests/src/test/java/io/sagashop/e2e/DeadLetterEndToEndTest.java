package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.stack.LocalStack;
import io.sagashop.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A record no service can read, on every topic the shop consumes, goes to that topic's DLT once
 * per consumer group, and the orders behind it go on.
 */
@Tag("integration")
class DeadLetterEndToEndTest {

  /** Who reads which topic: the consumer groups as the services configure them. */
  private static final Map<String, List<String>> READERS =
      Map.of(
          "order.events", List.of("orchestrator", "order-service-view", "payment-service"),
          "payment.events", List.of("order-service-view"),
          "inventory.events", List.of("order-service-view"),
          "delivery.events", List.of("orchestrator", "order-service-view"),
          "delivery.commands", List.of("delivery-service"));

  private static final int PARTITIONS = 3;

  private static LocalStack stack;
  private static ShopClient shop;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
    shop = new ShopClient(stack);
  }

  @Test
  void shouldDeadLetterAPoisonRecordOnEveryConsumedTopicAndGoOnWithTheNextOrder() {
    String poisonKey = "poison-" + UUID.randomUUID();
    byte[] poison = "{not an event".getBytes(StandardCharsets.UTF_8);
    // on every partition, so that whichever partition the next order lands on has poison before it
    READERS.keySet().forEach(topic -> {
      for (int partition = 0; partition < PARTITIONS; partition++) {
        TopicRecorder.send(stack.kafkaConnection().clientProperties(), topic, partition, poisonKey, poison);
      }
    });

    // the next order crosses every one of these topics on its way to IN_DELIVERY
    shop.setStock("matcha-whisk", 10);
    String orderId = shop.placeOrder("after-poison", "matcha-whisk", 1);
    shop.confirmDeposit(orderId);
    shop.awaitStatus(orderId, "IN_DELIVERY");

    READERS.forEach((topic, groups) -> {
      try (TopicRecorder deadLetters = TopicRecorder.of(stack.kafkaConnection().clientProperties(), topic + ".DLT")) {
        // each group dead-letters the poison of each partition (at least once, as Kafka delivers)
        Set<String> expected =
            groups.stream()
                .flatMap(group -> IntStream.range(0, PARTITIONS).mapToObj(partition -> group + "@" + partition))
                .collect(Collectors.toSet());
        await().atMost(ShopClient.STEP).untilAsserted(() -> {
          List<ConsumerRecord<String, byte[]>> ours =
              deadLetters.records().stream().filter(record -> poisonKey.equals(record.key())).toList();
          assertThat(ours.stream().map(record -> header(record, "kafka_dlt-original-consumer-group") + "@" + record.partition()).collect(Collectors.toSet()))
              .as("consumer groups and partitions that dead-lettered the poison on %s", topic)
              .isEqualTo(expected);
          assertThat(ours).allSatisfy(record ->
              assertThat(header(record, "kafka_dlt-exception-message")).as("cause on %s", topic).isNotBlank());
        });
      }
    });
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
