package io.sagashop.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads a topic from its beginning, as a test sees what a service published there, and writes raw
 * records to a topic, as another service (or a broken one) would. A broker is given by its bootstrap
 * servers, or by a client's properties where it asks clients to sign in (the local stack's).
 */
public final class TopicRecorder implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

  private TopicRecorder(Map<String, Object> client, String topic) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // A topic the service creates after this recorder subscribed is found within a second.
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(topic));
  }

  public static TopicRecorder of(String bootstrapServers, String topic) {
    return of(broker(bootstrapServers), topic);
  }

  /** A recorder on a broker that asks for these client properties (bootstrap servers and sign-in). */
  public static TopicRecorder of(Map<String, Object> client, String topic) {
    return new TopicRecorder(client, topic);
  }

  /** What arrived so far, polled briefly; call it inside Awaitility's until. */
  public synchronized List<ConsumerRecord<String, byte[]>> records() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    return List.copyOf(records);
  }

  /** The event envelopes (as JSON) of one order, in the order they arrived. */
  public List<JsonNode> eventsOf(UUID orderId) {
    return records().stream()
        .filter(record -> orderId.toString().equals(record.key()))
        .map(record -> json(record.value()))
        .toList();
  }

  /** The types of one order's events, e.g. [PayPlaced, PayChecked]. */
  public List<String> typesOf(UUID orderId) {
    return eventsOf(orderId).stream().map(event -> event.path("type").asText()).toList();
  }

  public static void send(String bootstrapServers, String topic, String key, byte[] value) {
    send(bootstrapServers, topic, null, key, value);
  }

  /** One record to send: topic, key (which chooses the partition) and value. */
  public record Outgoing(String topic, String key, byte[] value) {}

  /** Writes these records in their order, through one producer (one per record is slow for hundreds). */
  public static void send(String bootstrapServers, List<Outgoing> records) {
    Map<String, Object> config = producer(broker(bootstrapServers));
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (Outgoing record : records) {
        producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()));
      }
      producer.flush();
    }
  }

  /** Writes to one partition (null: the one the key chooses). */
  public static void send(String bootstrapServers, String topic, Integer partition, String key, byte[] value) {
    send(broker(bootstrapServers), topic, partition, key, value);
  }

  /** Writes to one partition (null: the one the key chooses) of a broker that asks for these client properties. */
  public static void send(Map<String, Object> client, String topic, Integer partition, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producer(client))) {
      producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot send to " + topic, e);
    }
  }

  private static Map<String, Object> broker(String bootstrapServers) {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  private static Map<String, Object> producer(Map<String, Object> client) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  /** An event envelope as another service would publish it. */
  public static byte[] envelope(String type, UUID orderId, Object data) {
    Map<String, Object> event = new java.util.LinkedHashMap<>();
    event.put("id", UUID.randomUUID());
    event.put("type", type);
    event.put("source", "test");
    event.put("time", java.time.Instant.now().toString());
    event.put("orderId", orderId);
    event.put("data", data);
    try {
      return JSON.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(byte[] value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }
}
