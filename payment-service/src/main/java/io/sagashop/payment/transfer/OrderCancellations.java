package io.sagashop.payment.transfer;

import io.sagashop.order.contract.OrderEventType;
import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * OrderCanceled from order-service: whatever payment the order has is voided or refunded, even one
 * opened by a "Request bank transfer" whose job rolled back after the call (compensation covers
 * only completed steps, so it would not see that payment).
 */
@Component
class OrderCancellations {

  private final EventReader reader;
  private final PaymentService payments;

  OrderCancellations(EventReader reader, PaymentService payments) {
    this.reader = reader;
    this.payments = payments;
  }

  @KafkaListener(topics = "${sagashop.payment.order-events-topic}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope event = reader.read(record.value());
    if (OrderEventType.OrderCanceled.name().equals(event.type())) {
      payments.orderCancelled(event.orderId());
    }
  }
}
