package io.sagashop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventExternalizationConfiguration;

/**
 * An event's trace leaves with it from what the outbox stored, not from the thread that sends it:
 * the outbox may send it after commit on another thread, or again after a restart.
 */
class EventTraceTest {

  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private final EventExternalizationConfiguration externalization =
      new EventsAutoConfiguration().eventExternalization(
          new EventsProperties("payment.events", Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(10)));
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

  @Test
  void shouldSendTheTraceThatRecordedTheEventEvenWhenTheStoredEventIsSentAgain() throws Exception {
    EventEnvelope recorded = event(TRACEPARENT);

    // as the publication registry keeps it, and reads it back for a late or repeated send
    EventEnvelope stored = json.readValue(json.writeValueAsBytes(recorded), EventEnvelope.class);

    assertThat(externalization.getHeadersFor(stored))
        .containsOnlyKeys("traceparent")
        .hasEntrySatisfying("traceparent", value -> assertThat(new String((byte[]) value, StandardCharsets.US_ASCII)).isEqualTo(TRACEPARENT));
  }

  @Test
  void shouldSendNoTraceHeaderForAnEventRecordedOutsideAnyTrace() {
    assertThat(externalization.getHeadersFor(event(null))).isEmpty();
  }

  @Test
  void shouldReadAnEventOfAnOlderProducerWithoutATrace() {
    EventEnvelope older = new EventReader(json, Validation.buildDefaultValidatorFactory().getValidator()).read(
        ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PayPlaced\",\"source\":\"payment-service\",\"time\":\"2026-12-02T10:00:00Z\","
            + "\"orderId\":\"" + UUID.randomUUID() + "\",\"orderStatus\":\"AWAITING_DEPOSIT\",\"data\":{}}").getBytes(StandardCharsets.UTF_8));

    assertThat(older.traceparent()).isNull();
    assertThat(externalization.getHeadersFor(older)).isEmpty();
  }

  private static EventEnvelope event(String traceparent) {
    return new EventEnvelope(UUID.randomUUID(), "PayPlaced", "payment-service", Instant.parse("2026-12-02T10:00:00Z"),
        UUID.randomUUID(), null, traceparent, 1);
  }
}
