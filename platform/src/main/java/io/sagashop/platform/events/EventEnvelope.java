package io.sagashop.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.events.contract.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * How every sagashop event travels, CloudEvents-like: a unique id (consumers apply each event
 * once), its type, the service it comes from, when it happened, the order it belongs to (the
 * correlation key and the Kafka record key), and its data. It names no order status: each
 * service states what happened, and order-service alone decides what its customers see of it (an
 * {@code orderStatus} that older producers wrote is ignored like any unknown field: a reader
 * tolerates what it may ignore, whatever mapper reads it).
 *
 * @param traceparent the trace of the work that recorded the event (W3C Trace Context, as the
 *     CloudEvents distributed-tracing extension carries it), or null when none was traced; it
 *     leaves as the record's {@code traceparent} header, also when the outbox sends it late
 * @param schemaVersion the version of the data's schema its producer wrote ({@link EventType#schemaVersion()});
 *     a record from before versions were written has none, which is version 1. A reader reads any
 *     version: the data only gains optional fields (docs/contracts.md, "When an event changes")
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
    UUID id, String type, String source, Instant time, UUID orderId, JsonNode data, String traceparent, Integer schemaVersion) {

  /** The version its producer wrote, 1 when it wrote none. */
  @Override
  public Integer schemaVersion() {
    return schemaVersion == null ? 1 : schemaVersion;
  }
}
