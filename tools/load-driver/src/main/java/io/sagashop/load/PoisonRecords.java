package io.sagashop.load;

import io.sagashop.stack.KafkaConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Records no consumer can ever apply, each under an orderId of its own: one that is not even JSON on
 * each event topic, and well-formed ones that break a consumer's rules (an OrderPlaced whose amount is
 * no number, an event without its time, a StartDelivery whose quantity is no number). Each must
 * land in its topic's dead-letter topic, change nothing else, and hold up nothing behind it.
 */
final class PoisonRecords {

  static final List<String> TOPICS = List.of("order.events", "payment.events", "inventory.events", "delivery.events", "delivery.commands");

  /** One poison record: where it goes, and what it is. */
  private record Poison(String topic, String key, String value) {}

  private final KafkaConnection kafka;
  private final String key = UUID.randomUUID().toString();
  private final List<Poison> records = new ArrayList<>();

  PoisonRecords(KafkaConnection kafka) {
    this.kafka = kafka;
    for (String topic : TOPICS) {
      records.add(new Poison(topic, key, "{not json, a poison record"));
    }
    records.add(wellFormed("order.events", "OrderPlaced", "\"time\":\"2026-01-01T00:00:00Z\",\"data\":{\"customerId\":\"chaos\","
        + "\"productId\":\"tea-rooibos\",\"productName\":\"Rooibos\",\"quantity\":1,\"unitPrice\":\"lots\",\"amount\":\"lots\"}"));
    records.add(wellFormed("payment.events", "PayChecked", "\"data\":{}"));
    records.add(wellFormed("delivery.commands", "StartDelivery",
        "\"time\":\"2026-01-01T00:00:00Z\",\"data\":{\"productId\":\"tea-rooibos\",\"quantity\":\"forty-two\"}"));
  }

  private static Poison wellFormed(String topic, String type, String rest) {
    String orderId = UUID.randomUUID().toString();
    return new Poison(topic, orderId,
        "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"source\":\"chaos\",\"orderId\":\"" + orderId + "\"," + rest + "}");
  }

  /** The key of the records that are not even JSON. */
  String key() {
    return key;
  }

  void send() {
    Properties config = new Properties();
    config.putAll(kafka.clientProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // The broker may be the part the chaos just killed: keep trying until it is back.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "180000");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (Poison poison : records) {
        producer.send(new ProducerRecord<>(poison.topic(), poison.key(), poison.value().getBytes(StandardCharsets.UTF_8))).get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot send the poison records: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending the poison records", e);
    }
  }

  /** The poison records that are in no dead-letter topic. */
  List<String> missingDeadLetters() {
    Set<String> keys = new HashSet<>();
    records.forEach(poison -> keys.add(poison.key()));
    List<String> deadLetters = DeadLetters.of(kafka, keys);
    List<String> missing = new ArrayList<>();
    for (Poison poison : records) {
      if (deadLetters.stream().noneMatch(line -> line.startsWith(poison.topic() + ".DLT@") && line.contains(poison.key()))) {
        missing.add("the poison record on " + poison.topic() + " (key " + poison.key() + ") is not in " + poison.topic() + ".DLT");
      }
    }
    return missing;
  }
}
