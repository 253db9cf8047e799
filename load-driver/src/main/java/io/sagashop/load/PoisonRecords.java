package io.sagashop.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records no consumer can ever read (not even JSON), one on each event topic, under an orderId of
 * their own: each must land in its topic's dead-letter topic and change nothing else.
 */
final class PoisonRecords {

  static final List<String> TOPICS = List.of("order.events", "payment.events", "inventory.events", "delivery.events", "delivery.commands");

  private final String bootstrapServers;
  private final String key = UUID.randomUUID().toString();

  PoisonRecords(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  String key() {
    return key;
  }

  void send() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // The broker may be the part the chaos just killed: keep trying until it is back.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "180000");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (String topic : TOPICS) {
        producer.send(new ProducerRecord<>(topic, key, "{not json, a poison record".getBytes(StandardCharsets.UTF_8))).get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot send the poison records: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending the poison records", e);
    }
  }

  /** The topics whose poison record is in no dead-letter topic. */
  List<String> missingDeadLetters() {
    List<String> deadLetters = DeadLetters.of(bootstrapServers, Set.of(key));
    List<String> missing = new ArrayList<>();
    for (String topic : TOPICS) {
      if (deadLetters.stream().noneMatch(line -> line.startsWith(topic + ".DLT@"))) {
        missing.add("the poison record on " + topic + " (key " + key + ") is not in " + topic + ".DLT");
      }
    }
    return missing;
  }
}
