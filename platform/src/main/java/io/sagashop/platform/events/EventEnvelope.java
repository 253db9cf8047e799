package io.sagashop.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * How every sagashop event travels, CloudEvents-like: a unique id (consumers apply each event
 * once), its type, the service it comes from, when it happened, the order it belongs to (the
 * correlation key and the Kafka record key), the order status it leads to, and its data.
 *
 * @param orderStatus the customer-facing status the order reaches with this event, or null for
 *     events that do not change it (commands, for instance)
 * @param traceparent the trace of the work that recorded the event (W3C Trace Context, as the
 *     CloudEvents distributed-tracing extension carries it), or null when none was traced; it
 *     leaves as the record's {@code traceparent} header, also when the outbox sends it late
 */
public record EventEnvelope(
    UUID id, String type, String source, Instant time, UUID orderId, String orderStatus, JsonNode data, String traceparent) {}
