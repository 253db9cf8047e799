package io.sagashop.delivery.shipping;

import io.sagashop.delivery.contract.DeliveryCommandType;
import io.sagashop.delivery.contract.StartDelivery;
import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The orchestrator's commands on {@code delivery.commands}: {@code StartDelivery} from "Request
 * delivery", {@code CancelDelivery} once the delivery deadline has passed. Both are keyed by the
 * orderId, so an order's cancellation is read after its StartDelivery, however long delivery-service
 * was down: what happens is decided by the order in which they were sent, never by a race between
 * topics. An outage loses nothing; the commands wait in Kafka.
 */
@Component
class DeliveryCommands {

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
    if (DeliveryCommandType.StartDelivery.name().equals(command.type())) {
      start(command);
    } else if (DeliveryCommandType.CancelDelivery.name().equals(command.type())) {
      cancel(command);
    } else {
      // a command of a newer orchestrator than this delivery-service: the saga waits until its deadline
      log.warn("Ignoring command {} for order {}: this delivery-service does not know it; deliver a delivery-service "
          + "that does before an orchestrator sends it (docs/contracts.md, 'When an event changes')", command.type(), command.orderId());
    }
  }

  private void start(EventEnvelope command) {
    StartDelivery what = reader.data(command, StartDelivery.class);
    deliveries.start(command.orderId(), what.productId(), what.quantity())
        .ifPresentOrElse(
            delivery -> log.info("Delivery of order {} started, tracking number {}", command.orderId(), delivery.trackingNumber()),
            () -> log.warn("Not shipping order {}: its delivery was cancelled", command.orderId()));
  }

  private void cancel(EventEnvelope command) {
    deliveries.cancel(command.orderId())
        .ifPresentOrElse(
            shipped -> log.warn("Delivery of order {} cannot be cancelled: it started at {}, tracking number {}",
                command.orderId(), shipped.startedAt(), shipped.trackingNumber()),
            () -> log.info("Delivery of order {} cancelled: nothing was shipped", command.orderId()));
  }
}
