package io.sagashop.orchestrator.saga;

import static io.sagashop.orchestrator.saga.SagaVariables.AMOUNT;
import static io.sagashop.orchestrator.saga.SagaVariables.ORDER_ID;
import static io.sagashop.orchestrator.saga.SagaVariables.PRODUCT_ID;
import static io.sagashop.orchestrator.saga.SagaVariables.PRODUCT_NAME;
import static io.sagashop.orchestrator.saga.SagaVariables.QUANTITY;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import io.sagashop.platform.events.PoisonEventException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The services' events the saga waits for: OrderPlaced starts it, DeliveryStarted and
 * ReceiptConfirmed move it on. Every other event type is none of the saga's business.
 */
@Component
class SagaEvents {

  private final EventReader reader;
  private final SagaStarts starts;
  private final SagaCorrelation correlation;

  SagaEvents(EventReader reader, SagaStarts starts, SagaCorrelation correlation) {
    this.reader = reader;
    this.starts = starts;
    this.correlation = correlation;
  }

  @KafkaListener(topics = "#{'${sagashop.saga.event-topics}'.split(',')}")
  void on(ConsumerRecord<String, byte[]> record) {
    EventEnvelope event = reader.read(record.value());
    Optional<SagaMessage> message = Arrays.stream(SagaMessage.values()).filter(m -> m.name().equals(event.type())).findFirst();
    if (message.isEmpty()) {
      return;
    }
    switch (message.get()) {
      case OrderPlaced -> starts.startOnce(event.orderId(), startVariables(event));
      case DeliveryStarted, ReceiptConfirmed -> correlation.correlate(message.get(), event.orderId(), Map.of());
      case CancellationRequested -> throw new PoisonEventException("CancellationRequested is not an event; it arrives over HTTP");
    }
  }

  private static Map<String, Object> startVariables(EventEnvelope event) {
    JsonNode data = event.data();
    if (data == null
        || !data.hasNonNull("productId")
        || !data.path("quantity").canConvertToInt()
        || !data.path("amount").isNumber()) {
      throw new PoisonEventException("OrderPlaced for order " + event.orderId() + " lacks productId, quantity or amount");
    }
    return Map.of(
        ORDER_ID, event.orderId().toString(),
        PRODUCT_ID, data.get("productId").asText(),
        PRODUCT_NAME, data.path("productName").asText(data.get("productId").asText()),
        QUANTITY, data.get("quantity").asInt(),
        AMOUNT, money(data.get("amount").decimalValue(), event));
  }

  /** Amounts travel as JSON numbers; the process keeps them as exact two-decimal strings. */
  private static String money(BigDecimal amount, EventEnvelope event) {
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    } catch (ArithmeticException moreThanCents) {
      throw new PoisonEventException("OrderPlaced for order " + event.orderId() + " has an amount with fractions of a cent: " + amount);
    }
  }
}
