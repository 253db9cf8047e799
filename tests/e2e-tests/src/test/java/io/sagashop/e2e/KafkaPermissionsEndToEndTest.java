package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sagashop.stack.KafkaConnection;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import io.sagashop.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker enforces who may do what, with the users and ACLs of the cluster (k8s/base/kafka/users.yaml):
 * a service signed in as itself cannot publish on a topic another service owns (a StartDelivery for an
 * unpaid order, an OrderCanceled that refunds a paid one), cannot read what it does not consume, cannot
 * join another service's consumer group to take its records away, and nobody gets in without a password.
 * That every service can do what it must is shown by every other end-to-end test, whose orders cross all
 * the topics and dead-letter topics signed in as the services.
 */
@Tag("integration")
class KafkaPermissionsEndToEndTest {

  /** The topic each service owns: the one it publishes on. */
  private static final Map<ShopService, String> OWNS =
      Map.of(
          ShopService.ORCHESTRATOR, "delivery.commands",
          ShopService.ORDER, "order.events",
          ShopService.PAYMENT, "payment.events",
          ShopService.INVENTORY, "inventory.events",
          ShopService.DELIVERY, "delivery.events");

  /** The topics each service consumes. */
  private static final Map<ShopService, Set<String>> READS =
      Map.of(
          ShopService.ORCHESTRATOR, Set.of("order.events", "delivery.events"),
          ShopService.ORDER, Set.of("order.events", "payment.events", "inventory.events", "delivery.events"),
          ShopService.PAYMENT, Set.of("order.events"),
          ShopService.INVENTORY, Set.of(),
          ShopService.DELIVERY, Set.of("delivery.commands"));

  private static LocalStack stack;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
  }

  @Test
  void shouldRefuseEveryServiceTheTopicsOtherServicesOwn() {
    String key = "not-theirs-" + UUID.randomUUID();
    List<String> accepted = new ArrayList<>();
    for (ShopService service : OWNS.keySet()) {
      for (String topic : OWNS.values()) {
        if (!topic.equals(OWNS.get(service))) {
          Throwable refusal = catchThrowable(() -> send(stack.kafkaConnection(service), topic, key));
          if (!causedBy(refusal, TopicAuthorizationException.class)) {
            accepted.add(service.module() + " on " + topic + ": " + refusal);
          }
        }
      }
    }

    assertThat(accepted).as("publications on another service's topic that were not refused").isEmpty();
    // and nothing of theirs reached any topic
    for (String topic : OWNS.values()) {
      try (TopicRecorder recorder = TopicRecorder.of(stack.kafkaConnection().clientProperties(), topic)) {
        assertThat(recorder.records()).noneMatch(record -> key.equals(record.key()));
      }
    }
  }

  @Test
  void shouldRefuseEveryServiceTheTopicsItDoesNotConsume() {
    List<String> read = new ArrayList<>();
    for (ShopService service : READS.keySet()) {
      for (String topic : OWNS.values()) {
        if (!READS.get(service).contains(topic)) {
          Throwable refusal = catchThrowable(() -> readWithoutGroup(stack.kafkaConnection(service), topic));
          if (!causedBy(refusal, TopicAuthorizationException.class)) {
            read.add(service.module() + " read " + topic + ": " + refusal);
          }
        }
      }
    }

    assertThat(read).as("topics read by a service that does not consume them").isEmpty();
  }

  @Test
  void shouldRefuseAServiceTheConsumerGroupOfAnother() {
    // order-service may read order.events, but in payment-service's group it would take the
    // cancellations payment-service must see to void a payment
    Throwable refusal = catchThrowable(() -> readInGroup(stack.kafkaConnection(ShopService.ORDER), "order.events", "payment-service"));

    assertThat(causedBy(refusal, GroupAuthorizationException.class)).as("refused with %s", refusal).isTrue();
  }

  @Test
  void shouldRefuseAClientWithoutTheRightPassword() {
    KafkaConnection stranger = stack.kafkaConnection().as("orchestrator", "not-its-password");

    Throwable refusal = catchThrowable(() -> send(stranger, "delivery.commands", "stranger-" + UUID.randomUUID()));

    assertThat(causedBy(refusal, SaslAuthenticationException.class)).as("refused with %s", refusal).isTrue();
  }

  private static void send(KafkaConnection connection, String topic, String key) throws Exception {
    Map<String, Object> config = new HashMap<>(connection.clientProperties());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, TopicRecorder.envelope("StartDelivery", UUID.randomUUID(), Map.of()))).get();
    }
  }

  private static void readWithoutGroup(KafkaConnection connection, String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(connection, null)) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
      consumer.poll(Duration.ofSeconds(10));
    }
  }

  private static void readInGroup(KafkaConnection connection, String topic, String group) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(connection, group)) {
      consumer.subscribe(List.of(topic));
      consumer.poll(Duration.ofSeconds(10));
    }
  }

  private static KafkaConsumer<String, byte[]> consumer(KafkaConnection connection, String group) {
    Map<String, Object> config = new HashMap<>(connection.clientProperties());
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static boolean causedBy(Throwable thrown, Class<? extends Throwable> refusal) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (refusal.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
