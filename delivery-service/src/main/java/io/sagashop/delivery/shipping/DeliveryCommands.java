package io.sagashop.delivery.shipping;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import io.sagashop.platform.events.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The orchestrator's "Request delivery" arrives as a {@code StartDelivery} command on
 * {@code delivery.commands}; a delivery outage loses nothing, the command waits in Kafka. A
 * cancelled order (OrderCanceled on {@code order.events}) is never shipped.
 */
@Component
class DeliveryCommands {

  static final String START_DELIVERY = "StartDelivery";
  static final String ORDER_CANCELED = "OrderCanceled";
  private static final Logger log = LoggerFactory.getLogger(DeliveryCommands.class);

  private final EventReader reader;
  private final DeliveryService deliveries;

  DeliveryCommands(EventReader reader, DeliveryService deliveries) {
    this.reader = reader;
    this.deliveries = deliveries;
  }

  @KafkaListener(topics = "${sagashop.delivery.commands-topic}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope command = reader.read(record.value());
    if (!START_DELIVERY.equals(command.type())) {
      log.debug("Ignoring {} for order {}", command.type(), command.orderId());
      return;
    }
    JsonNode data = command.data();
    if (data == null || !data.hasNonNull("productId") || !data.path("quantity").canConvertToInt() || data.path("quantity").asInt() < 1) {
      throw new PoisonEventException("StartDelivery for order " + command.orderId() + " lacks productId or a positive quantity");
    }
    deliveries.start(command.orderId(), data.get("productId").asText(), data.get("quantity").asInt())
        .ifPresentOrElse(
            delivery -> log.info("Delivery of order {} started, tracking number {}", command.orderId(), delivery.trackingNumber()),
            () -> log.warn("Not shipping order {}: it was cancelled", command.orderId()));
  }

  /** OrderCanceled on order.events: the order must not be shipped any more. */
  @KafkaListener(topics = "${sagashop.delivery.order-events-topic}")
  void onOrderEvent(ConsumerRecord<String, byte[]> record) {
    EventEnvelope event = reader.read(record.value());
    if (ORDER_CANCELED.equals(event.type())) {
      deliveries.orderCancelled(event.orderId());
    }
  }
}
