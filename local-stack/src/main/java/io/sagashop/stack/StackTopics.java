package io.sagashop.stack;

import java.util.List;
import java.util.stream.Stream;

/**
 * The topics the shop's services talk over, as the local stack provisions them (on Kubernetes the
 * Strimzi KafkaTopic resources do the same). Every topic is keyed by orderId and has several
 * partitions, so that scaled-out consumers share the work and one order's events stay in order.
 * Each gets a dead-letter sibling for records its consumers cannot process.
 */
final class StackTopics {

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

  static List<String> all() {
    return TOPICS.stream()
        .flatMap(topic -> Stream.of(topic, topic + DEAD_LETTER_SUFFIX))
        .toList();
  }
}
