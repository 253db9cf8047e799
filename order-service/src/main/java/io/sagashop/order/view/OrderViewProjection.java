package io.sagashop.order.view;

import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Feeds the order view from every service's topic, in a consumer group of its own, so that it can
 * be rebuilt by reading the topics again from their beginning.
 */
@Component
class OrderViewProjection extends AbstractConsumerSeekAware {

  private static final Logger log = LoggerFactory.getLogger(OrderViewProjection.class);

  private final EventReader reader;
  private final OrderViewWriter writer;

  OrderViewProjection(EventReader reader, OrderViewWriter writer) {
    this.reader = reader;
    this.writer = writer;
  }

  @KafkaListener(
      id = "order-view",
      groupId = "${sagashop.order.view-group}",
      topics = "#{'${sagashop.order.view-topics}'.split(',')}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope event = reader.read(record.value());
    if (writer.apply(event)) {
      log.debug("Order view of {} applied {}", event.orderId(), event.type());
    }
  }

  /** Empties the view and reads every topic again from its beginning. */
  void rebuild() {
    writer.clear();
    seekToBeginning();
    log.info("Rebuilding the order view from the beginning of the topics");
  }
}
