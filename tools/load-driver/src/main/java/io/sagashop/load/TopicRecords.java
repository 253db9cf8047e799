package io.sagashop.load;

import io.sagashop.stack.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record of some topics, read from the beginning to the end without a consumer group, so that
 * nothing is committed and the services' consumers are not disturbed.
 */
final class TopicRecords {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private TopicRecords() {}

  static void read(KafkaConnection kafka, Collection<String> topics, Consumer<ConsumerRecord<String, byte[]>> each) {
    Properties config = new Properties();
    config.putAll(kafka.clientProperties());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic, READ_TIMEOUT).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition, READ_TIMEOUT) < ends.get(partition))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(topics + " could not be read to their end within " + READ_TIMEOUT.toSeconds() + " s");
        }
        consumer.poll(Duration.ofMillis(500)).forEach(each);
      }
    }
  }
}
