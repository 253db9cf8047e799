package io.sagashop.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records a consumer may meet once in its life, generated from a good one (an envelope around a
 * contract's example): every field of the envelope and of its data missing, null, of the wrong type
 * and far too long, a number out of any range, an event type and an order status nobody knows, and
 * values that are not an event at all. Generated from the example rather than listed by hand, so a
 * field added to a contract is broken in every way by itself. A consumer must apply each, ignore it,
 * or dead-letter it, and go on with the next record of its partition.
 *
 * <p>Besides those, each run draws {@value #DRAWN} more with jqwik's generators ({@link
 * DrawnHostileRecords}): up to three fields at once, each missing or given any JSON value (any
 * Unicode text, numbers of any size, nested arrays and objects). One fault at a time is what a
 * person thinks of; the drawn ones find what breaks only in combination. Their seed is logged, and
 * {@code -Dsagashop.hostile.seed=N} draws the same again.
 */
public final class HostileRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String TOO_LONG = "x".repeat(10_000);
  /** Records drawn at random for each good one, besides the systematic ones. */
  static final int DRAWN = 25;

  private HostileRecords() {}

  /** One record that breaks the good one in one place, and what it breaks. */
  public record Hostile(String fault, byte[] value) {

    @Override
    public String toString() {
      return fault;
    }
  }

  /**
   * Sends every hostile variant of {@code good} to {@code topic}, each followed on its partition (the
   * same key) by a good record of a fresh order, made by {@code next}: the orders of those good
   * records, for the test to see every one of them applied.
   */
  public static List<UUID> sendEachBeforeAGoodOne(String brokers, String topic, byte[] good, Function<UUID, byte[]> next) {
    String key = read(good).path("orderId").asText();
    List<UUID> nexts = new ArrayList<>();
    List<TopicRecorder.Outgoing> records = new ArrayList<>();
    for (Hostile hostile : of(good)) {
      UUID order = UUID.randomUUID();
      records.add(new TopicRecorder.Outgoing(topic, key, hostile.value()));
      records.add(new TopicRecorder.Outgoing(topic, key, next.apply(order)));
      nexts.add(order);
    }
    TopicRecorder.send(brokers, records);
    return nexts;
  }

  /**
   * Every hostile variant of this good envelope (as {@link TopicRecorder#envelope} makes it), and
   * {@value #DRAWN} drawn ones.
   */
  public static List<Hostile> of(byte[] goodEnvelope) {
    List<Hostile> hostile = systematic(goodEnvelope);
    hostile.addAll(DrawnHostileRecords.draw(read(goodEnvelope), DRAWN));
    return hostile;
  }

  /** Each field broken in each way, one at a time. */
  static List<Hostile> systematic(byte[] goodEnvelope) {
    ObjectNode good = read(goodEnvelope);
    List<Hostile> hostile = new ArrayList<>();
    hostile.add(new Hostile("not JSON", "{\"id\": \"1".getBytes(StandardCharsets.UTF_8)));
    hostile.add(new Hostile("an empty value", new byte[0]));
    hostile.add(new Hostile("a JSON array", "[]".getBytes(StandardCharsets.UTF_8)));
    hostile.add(new Hostile("a JSON string", "\"OrderPlaced\"".getBytes(StandardCharsets.UTF_8)));
    // an id seen before, carrying something else: applied once at most, never to another order
    hostile.add(changed(good, "the good record itself", event -> { }));
    hostile.add(changed(good, "its id again, for another order", event -> event.put("orderId", UUID.randomUUID().toString())));
    hostile.add(changed(good, "its id again, with other data", event -> event.set("data", NODES.objectNode())));
    hostile.add(changed(good, "an event type nobody knows", event -> event.put("type", "SomethingNobodyKnows")));
    hostile.add(changed(good, "an order status nobody knows", event -> event.put("orderStatus", "NOT_A_STATUS")));
    broken(good, "", hostile, good);
    if (good.get("data") instanceof ObjectNode data) {
      broken(good, "data.", hostile, data);
    }
    return hostile;
  }

  /** Each field of {@code node} (a part of {@code event}) missing, null, of the wrong type, too long, out of range. */
  private static void broken(ObjectNode event, String prefix, List<Hostile> hostile, ObjectNode node) {
    List<String> fields = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      fields.add(names.next());
    }
    for (String field : fields) {
      JsonNode value = node.get(field);
      String name = prefix + field;
      hostile.add(changedAt(event, prefix, name + " missing", part -> part.remove(field)));
      hostile.add(changedAt(event, prefix, name + " null", part -> part.putNull(field)));
      hostile.add(changedAt(event, prefix, name + " of the wrong type",
          part -> part.set(field, value.isTextual() ? NODES.numberNode(42) : NODES.textNode("forty-two"))));
      hostile.add(changedAt(event, prefix, name + " far too long", part -> part.put(field, TOO_LONG)));
      if (value.isNumber()) {
        hostile.add(changedAt(event, prefix, name + " negative", part -> part.put(field, -1)));
        hostile.add(changedAt(event, prefix, name + " out of any range", part -> part.put(field, 1e30)));
      }
    }
  }

  private static Hostile changedAt(ObjectNode event, String prefix, String fault, Consumer<ObjectNode> change) {
    return changed(event, fault, copy -> change.accept(prefix.isEmpty() ? copy : (ObjectNode) copy.get("data")));
  }

  static Hostile changed(ObjectNode event, String fault, Consumer<ObjectNode> change) {
    ObjectNode copy = event.deepCopy();
    change.accept(copy);
    try {
      return new Hostile(fault, JSON.writeValueAsBytes(copy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode read(byte[] envelope) {
    try {
      return (ObjectNode) JSON.readTree(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
