package io.sagashop.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hostile records drawn with jqwik's generators from a good envelope: one to three of its fields
 * (of the envelope or of its data) at once, each removed or replaced by any JSON value, edge cases
 * (empty, zero, the largest numbers) mixed in as jqwik mixes them. The arbitraries are sampled
 * directly, inside the Spring tests that hold the consumer, not as jqwik properties (jqwik's engine
 * knows no Spring context); the seed is set through the engine's source of randomness, the one
 * thing of the engine used here, so that a run is repeatable.
 */
final class DrawnHostileRecords {

  private static final Logger log = LoggerFactory.getLogger(DrawnHostileRecords.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String SEED_PROPERTY = "sagashop.hostile.seed";
  private static final long SEED = seed();

  private DrawnHostileRecords() {}

  /** {@code count} records, each breaking the good one in one to three places. */
  static synchronized List<HostileRecords.Hostile> draw(ObjectNode good, int count) {
    List<String> paths = pathsOf(good);
    // the same good record draws the same records in a run with the same seed
    SourceOfRandomness.create(Long.toString(SEED ^ good.path("type").asText().hashCode() ^ paths.hashCode()));
    return Arbitraries.maps(Arbitraries.of(paths), valueOrMissing()).ofMinSize(1).ofMaxSize(Math.min(3, paths.size()))
        .sampleStream()
        .limit(count)
        .map(change -> HostileRecords.changed(good, "drawn (seed " + SEED + "): " + describe(change), event -> apply(event, change)))
        .toList();
  }

  private static long seed() {
    String fixed = System.getProperty(SEED_PROPERTY);
    long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
    log.info("Hostile records drawn with seed {} (the same again: -D{}={})", seed, SEED_PROPERTY, seed);
    return seed;
  }

  /** The envelope's fields by name, its data's as {@code data.name}. */
  private static List<String> pathsOf(ObjectNode good) {
    List<String> paths = new ArrayList<>();
    good.fieldNames().forEachRemaining(paths::add);
    if (good.get("data") instanceof ObjectNode data) {
      for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
        paths.add("data." + names.next());
      }
    }
    return paths;
  }

  private static void apply(ObjectNode event, Map<String, JsonNode> change) {
    change.forEach((path, value) -> {
      ObjectNode parent = event;
      String field = path;
      if (path.startsWith("data.")) {
        if (!(event.get("data") instanceof ObjectNode data)) {
          return; // the data itself was replaced in the same draw
        }
        parent = data;
        field = path.substring("data.".length());
      }
      if (value.isMissingNode()) {
        parent.remove(field);
      } else {
        parent.set(field, value);
      }
    });
  }

  private static Arbitrary<JsonNode> valueOrMissing() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(MissingNode.getInstance())),
        Tuple.of(4, anyValue(2)));
  }

  /** Any JSON value, arrays and objects nested up to {@code depth}. */
  private static Arbitrary<JsonNode> anyValue(int depth) {
    List<Arbitrary<? extends JsonNode>> kinds = new ArrayList<>(List.of(
        Arbitraries.just(NODES.nullNode()),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.strings().all().ofMaxLength(40).map(NODES::textNode),
        Arbitraries.strings().withChars(" \t\n\u0000\u200b\ufeff").ofMaxLength(5).map(NODES::textNode),
        Arbitraries.strings().ofMinLength(300).ofMaxLength(5_000).map(NODES::textNode),
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new).map(uuid -> NODES.textNode(uuid.toString())),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e40"), new BigDecimal("1e40")).ofScale(12).map(NODES::numberNode)));
    if (depth > 0) {
      Arbitrary<JsonNode> inner = anyValue(depth - 1);
      kinds.add(inner.list().ofMaxSize(4).map(items -> {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
      }));
      kinds.add(Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), inner).ofMaxSize(4).map(fields -> {
        ObjectNode object = NODES.objectNode();
        fields.forEach(object::set);
        return object;
      }));
    }
    return Arbitraries.oneOf(kinds);
  }

  private static String describe(Map<String, JsonNode> change) {
    List<String> parts = new ArrayList<>();
    change.forEach((path, value) -> {
      String shown = value.isMissingNode() ? "missing" : value.toString();
      parts.add(path + " " + (shown.length() > 60 ? shown.substring(0, 60) + "... (" + shown.length() + " characters)" : shown));
    });
    return String.join(", ", parts);
  }
}
