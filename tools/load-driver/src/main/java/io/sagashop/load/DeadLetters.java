package io.sagashop.load;

import io.sagashop.stack.KafkaConnection;
import io.sagashop.stack.StackTopics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The records some consumer gave up on, in every dead-letter topic, that belong to given orders
 * (records are keyed by orderId), read with {@link TopicRecords}.
 */
final class DeadLetters {

  private DeadLetters() {}

  /** One line per dead letter of these orders: topic, partition, order, consumer group, cause. */
  static List<String> of(KafkaConnection kafka, Set<String> orderIds) {
    List<String> found = new ArrayList<>();
    TopicRecords.read(kafka, StackTopics.all().stream().filter(topic -> topic.endsWith(".DLT")).toList(), record -> {
      if (record.key() != null && orderIds.contains(record.key())) {
        found.add(record.topic() + "@" + record.partition() + ": order " + record.key()
            + " (group " + header(record, "kafka_dlt-original-consumer-group") + ": " + header(record, "kafka_dlt-exception-message") + ")");
      }
    });
    return found;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
