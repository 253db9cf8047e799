package io.sagashop.stack;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The topics the shop's services talk over, as the local stack provisions them (on Kubernetes the
 * Strimzi KafkaTopic resources do the same). Every topic is keyed by orderId and has several
 * partitions, so that scaled-out consumers share the work and one order's events stay in order.
 * Each gets a dead-letter sibling for records its consumers cannot process.
 */
public final class StackTopics {

  static final int PARTITIONS = 3;
  static final String DEAD_LETTER_SUFFIX = ".DLT";

  private static final List<String> TOPICS =
      List.of(
          "order.events",
          "payment.events",
          "inventory.events",
          "delivery.events",
          "delivery.commands");

  private StackTopics() {}

  /**
   * Events are kept forever, so that a read model (order-service's view) can be rebuilt from the
   * beginning; dead letters keep Kafka's default of a week.
   */
  static Map<String, String> configOf(String topic) {
    return topic.endsWith(DEAD_LETTER_SUFFIX) ? Map.of() : Map.of("retention.ms", "-1");
  }

  public static List<String> all() {
    return TOPICS.stream()
        .flatMap(topic -> Stream.of(topic, topic + DEAD_LETTER_SUFFIX))
        .toList();
  }
}
