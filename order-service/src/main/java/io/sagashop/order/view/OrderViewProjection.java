package io.sagashop.order.view;

import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the order view from every service's topic: one listener container per topic, one consumer
 * per partition, so that nothing on one topic waits for another.
 *
 * <p>The consumer group carries the view's generation ({@code order-service-view}, then
 * {@code order-service-view-1}, ...). A rebuild, asked on any replica, empties the view and starts
 * the next generation ({@link OrderViewGenerations}); every replica sees it within
 * {@code sagashop.order.view-generation-check} and joins the new group, which has no offsets yet and
 * so reads every partition from its beginning, shared among the replicas as any group is. A replica
 * that dies meanwhile leaves its partitions to the others, with the new group's offsets. Seeking
 * each replica's own partitions instead lost the partitions of a replica that was asked later or
 * not at all, or moved them to another one in a rebalance. Records read twice meanwhile change
 * nothing: the view applies each event once and never moves an order backwards.
 */
@Component
public class OrderViewProjection implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OrderViewProjection.class);

  private final EventReader reader;
  private final OrderViewWriter writer;
  private final OrderViewGenerations generations;
  private final ConcurrentKafkaListenerContainerFactory<Object, Object> factory;
  private final List<String> topics;
  private final String group;
  private final int consumersPerTopic;

  private final List<ConcurrentMessageListenerContainer<Object, Object>> containers = new ArrayList<>();
  private int generation = -1;

  @SuppressWarnings("unchecked")
  OrderViewProjection(
      EventReader reader,
      OrderViewWriter writer,
      OrderViewGenerations generations,
      ConcurrentKafkaListenerContainerFactory<?, ?> factory,
      @Value("${sagashop.order.view-topics}") List<String> topics,
      @Value("${sagashop.order.view-group}") String group,
      @Value("${sagashop.order.view-consumers-per-topic}") int consumersPerTopic) {
    this.reader = reader;
    this.writer = writer;
    this.generations = generations;
    this.factory = (ConcurrentKafkaListenerContainerFactory<Object, Object>) factory;
    this.topics = topics;
    this.group = group;
    this.consumersPerTopic = consumersPerTopic;
  }

  void on(ConsumerRecord<Object, Object> record) {
    EventEnvelope event = reader.read((byte[]) record.value());
    if (writer.apply(event)) {
      log.debug("Order view of {} applied {}", event.orderId(), event.type());
    }
  }

  /** Empties the view; every replica, this one included, reads the topics again. */
  int rebuild() {
    int next = generations.startNext();
    log.info("Order view emptied for generation {}: every replica reads the topics again from their beginning", next);
    followRebuilds();
    return next;
  }

  /** Joins the group of a generation another replica (or this one) started. */
  @Scheduled(fixedDelayString = "${sagashop.order.view-generation-check}", initialDelayString = "${sagashop.order.view-generation-check}")
  synchronized void followRebuilds() {
    if (!isRunning()) {
      return;
    }
    int latest = generations.current();
    if (latest != generation) {
      log.info("Order view generation {} started: reading the topics again in group {}", latest, groupOf(latest));
      stopContainers();
      startContainers(latest);
    }
  }

  /** The partitions this replica reads now, over all topics. */
  synchronized Collection<TopicPartition> assignedPartitions() {
    return containers.stream().flatMap(container -> container.getAssignedPartitions().stream()).toList();
  }

  @Override
  public synchronized void start() {
    startContainers(generations.current());
  }

  @Override
  public synchronized void stop() {
    stopContainers();
  }

  @Override
  public synchronized boolean isRunning() {
    return !containers.isEmpty();
  }

  private void startContainers(int generation) {
    for (String topic : topics) {
      ConcurrentMessageListenerContainer<Object, Object> container = factory.createContainer(topic);
      container.getContainerProperties().setGroupId(groupOf(generation));
      container.getContainerProperties().setMessageListener((MessageListener<Object, Object>) this::on);
      container.setConcurrency(consumersPerTopic);
      container.setBeanName("order-view-" + topic);
      container.start();
      containers.add(container);
    }
    this.generation = generation;
  }

  private void stopContainers() {
    containers.forEach(ConcurrentMessageListenerContainer::stop);
    containers.clear();
  }

  private String groupOf(int generation) {
    return generation == 0 ? group : group + "-" + generation;
  }
}
