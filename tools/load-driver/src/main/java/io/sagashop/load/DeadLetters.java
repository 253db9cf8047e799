package io.sagashop.load;

import io.sagashop.stack.KafkaConnection;
import io.sagashop.stack.StackTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The records some consumer gave up on, in every dead-letter topic, that belong to given orders
 * (records are keyed by orderId). Read from the beginning to the end without a consumer group, so
 * that nothing is committed and other readers are not disturbed.
 */
final class DeadLetters {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private DeadLetters() {}

  /** One line per dead letter of these orders: topic, partition, order, consumer group, cause. */
  static List<String> of(KafkaConnection kafka, Set<String> orderIds) {
    Properties config = new Properties();
    config.putAll(kafka.clientProperties());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : StackTopics.all()) {
        if (topic.endsWith(".DLT")) {
          consumer.partitionsFor(topic, READ_TIMEOUT).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition, READ_TIMEOUT) < ends.get(partition))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("The dead-letter topics could not be read to their end within " + READ_TIMEOUT.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key() != null && orderIds.contains(record.key())) {
            found.add(record.topic() + "@" + record.partition() + ": order " + record.key()
                + " (group " + header(record, "kafka_dlt-original-consumer-group") + ": " + header(record, "kafka_dlt-exception-message") + ")");
          }
        }
      }
    }
    return found;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
