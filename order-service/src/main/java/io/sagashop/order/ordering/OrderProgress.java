package io.sagashop.order.ordering;

import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Moves each order's status on as the other services report their steps. Every event carries the
 * status it leads to; events without one, of unknown types or for unknown orders change nothing.
 */
@Component
class OrderProgress {

  private static final Logger log = LoggerFactory.getLogger(OrderProgress.class);

  private final EventReader reader;
  private final OrderService orders;

  OrderProgress(EventReader reader, OrderService orders) {
    this.reader = reader;
    this.orders = orders;
  }

  @KafkaListener(topics = "#{'${sagashop.order.progress-topics}'.split(',')}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope event = reader.read(record.value());
    if (event.orderStatus() == null) {
      return;
    }
    OrderStatus status;
    try {
      status = OrderStatus.valueOf(event.orderStatus());
    } catch (IllegalArgumentException unknown) {
      log.warn("Ignoring {} for order {}: unknown order status {}", event.type(), event.orderId(), event.orderStatus());
      return;
    }
    if (orders.advance(event.orderId(), status)) {
      log.info("Order {} is {} after {}", event.orderId(), status, event.type());
    }
  }
}
