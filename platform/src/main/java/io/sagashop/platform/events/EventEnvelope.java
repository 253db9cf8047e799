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
 */
public record EventEnvelope(
    UUID id, String type, String source, Instant time, UUID orderId, String orderStatus, JsonNode data) {}
