package io.sagashop.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.events.contract.EventType;
import io.sagashop.platform.tracing.CurrentTrace;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a service's events through Spring Modulith's event publication registry: the event is
 * stored in the service's database in the transaction that changes the state, sent to the
 * service's topic (keyed by orderId) after commit, and sent again if the broker was down or the
 * service crashed before Kafka acknowledged it.
 */
public class EventOutbox {

  private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

  private final ApplicationEventPublisher publisher;
  private final ObjectMapper json;
  private final Clock clock;
  private final String source;
  private final CurrentTrace trace;

  EventOutbox(ApplicationEventPublisher publisher, ObjectMapper json, Clock clock, String source, CurrentTrace trace) {
    this.publisher = publisher;
    this.json = json;
    this.clock = clock;
    this.source = source;
    this.trace = trace;
  }

  /**
   * Records an event of a contract's type (an enum there: {@code PayPlaced}, or a command such as
   * {@code StartDelivery}); it leaves only if the surrounding transaction commits.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public EventEnvelope publish(EventType type, UUID orderId, Object data) {
    EventEnvelope event =
        new EventEnvelope(
            UUID.randomUUID(), type.name(), source, clock.instant(), orderId, json.valueToTree(data),
            trace.traceparent().orElse(null), type.schemaVersion());
    publisher.publishEvent(event);
    log.info("Recorded {} for order {}", event.type(), orderId);
    return event;
  }
}
