package io.sagashop.orchestrator.saga;

import io.sagashop.order.contract.OrderPlaced;
import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import io.sagashop.platform.events.PoisonEventException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The services' events the saga waits for: OrderPlaced starts it, DeliveryStarted,
 * DeliveryCancelled and ReceiptConfirmed move it on. Every other event type is none of the saga's business.
 *
 * <p>Each topic has a listener container of its own, one consumer per partition: an order's events
 * stay in order, and nothing on one topic waits for another. A message the saga does not wait for
 * yet goes into the {@link SagaInbox} and the consumer moves on; only an unreadable record goes to
 * the dead-letter topic.
 */
@Component
class SagaEvents {

  private final EventReader reader;
  private final SagaStarts starts;
  private final SagaInbox inbox;

  SagaEvents(EventReader reader, SagaStarts starts, SagaInbox inbox) {
    this.reader = reader;
    this.starts = starts;
    this.inbox = inbox;
  }

  // idIsGroup = false: both containers stay in the consumer group "orchestrator" (the application's name).
  @KafkaListener(id = "saga-order-events", idIsGroup = false, topics = "${sagashop.saga.order-events-topic}",
      concurrency = "${sagashop.saga.consumers-per-topic}")
  void onOrderEvent(ConsumerRecord<String, byte[]> record) {
    on(record);
  }

  @KafkaListener(id = "saga-delivery-events", idIsGroup = false, topics = "${sagashop.saga.delivery-events-topic}",
      concurrency = "${sagashop.saga.consumers-per-topic}")
  void onDeliveryEvent(ConsumerRecord<String, byte[]> record) {
    on(record);
  }

  private void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope event = reader.read(record.value());
    Optional<SagaMessage> message = Arrays.stream(SagaMessage.values()).filter(m -> m.name().equals(event.type())).findFirst();
    if (message.isEmpty()) {
      return;
    }
    switch (message.get()) {
      case OrderPlaced -> starts.startOnce(event.orderId(), startVariables(event));
      case DeliveryStarted, DeliveryCancelled, ReceiptConfirmed -> inbox.receive(event.id(), message.get(), event.orderId());
      case CancellationRequested -> throw new PoisonEventException("CancellationRequested is not an event; it arrives over HTTP");
    }
  }

  /** The saga's start variables from OrderPlaced, as order-service's contract types it (or poison, naming the field). */
  Map<String, Object> startVariables(EventEnvelope event) {
    OrderPlaced placed = reader.data(event, OrderPlaced.class);
    return new SagaStart(event.orderId(), placed.productId(), placed.productName(), placed.quantity(), placed.amount()).variables();
  }
}
