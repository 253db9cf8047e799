package io.sagashop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sagashop.events.contract.EventType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The examples a contract module ships next to its types ({@code out-of-stock.json} beside
 * {@code StockProblems}): the wire form both sides' tests hold themselves to. The contract's own
 * test proves its types read and write exactly the examples; the producer's test that its answers
 * have every field of an example; the consumer's test that it sends and understands them.
 */
public final class ContractExamples {

  /** As a service writes JSON (Spring Boot's defaults): dates as ISO strings, unknown fields an error here. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /**
   * As a service reads a consumed event's data (platform's EventReader with Spring Boot's mapper): a
   * field the type does not know is ignored, then the type's constraints are checked.
   */
  private static final ObjectMapper SERVICE_READER = Jackson2ObjectMapperBuilder.json().build();
  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  private ContractExamples() {}

  /**
   * Both orders of a rollout, over the example: a newer producer that added a field (and a nested one)
   * is read by today's consumer as the example is, neither refused nor dead-lettered; and a producer
   * that does not write one of the fields the type does not require (an older one, before the field was
   * added) is read too. A field a consumer cannot do without is required in the type and was in the
   * contract from its first release: adding a required field is a new event type, not a new field.
   */
  public static <T> void assertReadAcrossVersions(Class<?> contract, String name, Class<T> type) {
    ObjectNode example = (ObjectNode) tree(example(contract, name));
    T today = readAsService(example, type, name);

    ObjectNode newer = example.deepCopy();
    newer.put("addedByANewerProducer", "a value today's readers do not know");
    newer.putObject("addedObject").put("nested", 1);
    assertThat(readAsService(newer, type, name + " with fields a newer producer added")).as(name + " from a newer producer").isEqualTo(today);

    for (Iterator<String> fields = example.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      ObjectNode older = example.deepCopy();
      older.remove(field);
      T read = readOrNull(older, type);
      Set<ConstraintViolation<T>> violations = read == null ? Set.of() : VALIDATOR.validate(read);
      boolean required = read == null || violations.stream().anyMatch(violation -> violation.getPropertyPath().toString().equals(field));
      if (!required) {
        assertThat(violations).as(name + " without " + field).isEmpty();
      }
    }
  }

  /**
   * An event's data across the versions of its schema (docs/contracts.md, "When an event changes"):
   * beside today's example the contract keeps the example of each older version ({@code
   * order-placed.v1.json} for data at version 2), and none of a version not reached. Today's type
   * reads each older example (a new reader, an old writer); today's example has every field of each,
   * of the same kind (an old reader knows exactly its version's fields and ignores the rest, so it finds
   * all of them in a new writer's data). The version is that of the event types that carry the data,
   * which must agree.
   */
  public static <T> void assertEvolves(Class<?> contract, String name, Class<T> type, EventType... carriedBy) {
    assertThat(Arrays.stream(carriedBy).map(EventType::schemaVersion).distinct())
        .as("the schema versions of %s, which all carry %s", Arrays.toString(carriedBy), name).hasSize(1);
    int version = carriedBy[0].schemaVersion();
    String base = name.substring(0, name.length() - ".json".length());
    JsonNode today = tree(example(contract, name));
    for (int older = 1; older < version; older++) {
      String kept = base + ".v" + older + ".json";
      assertThat(contract.getResource(kept))
          .as("%s is at version %d: the example of version %d is kept beside it as %s", name, version, older, kept).isNotNull();
      JsonNode old = tree(example(contract, kept));
      readAsService(old, type, kept + " (version " + older + ") read by today's " + type.getSimpleName());
      assertShape(name + " (version " + version + ") as a reader of version " + older + " needs it", "", old, today);
    }
    String unreached = base + ".v" + version + ".json";
    assertThat(contract.getResource(unreached))
        .as("%s is at version %d, yet %s is kept as an older version's example: raise the version of %s or remove it",
            name, version, unreached, Arrays.toString(carriedBy)).isNull();
  }

  private static <T> T readAsService(JsonNode data, Class<T> type, String what) {
    T read = readOrNull(data, type);
    assertThat(read).as(what + " is not read as a " + type.getSimpleName()).isNotNull();
    assertThat(VALIDATOR.validate(read)).as(what + " breaks " + type.getSimpleName() + "'s constraints").isEmpty();
    return read;
  }

  private static <T> T readOrNull(JsonNode data, Class<T> type) {
    try {
      return SERVICE_READER.treeToValue(data, type);
    } catch (IOException e) {
      return null;
    }
  }

  /** The example {@code name} beside the contract type {@code contract}. */
  public static String example(Class<?> contract, String name) {
    try (InputStream in = contract.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No example " + name + " beside " + contract.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example read as {@code type}; a field the type does not know fails. */
  public static <T> T read(Class<?> contract, String name, Class<T> type) {
    try {
      return JSON.readValue(example(contract, name), type);
    } catch (IOException e) {
      throw new AssertionError(name + " is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** {@code value}, written as a service writes it, is exactly the example: no field missing, none added. */
  public static void assertWrittenAs(Object value, Class<?> contract, String name) {
    try {
      JSONAssert.assertEquals(name, example(contract, name), JSON.writeValueAsString(value), JSONCompareMode.STRICT);
    } catch (IOException | org.json.JSONException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A producer's real answer has every field of the example, each of the same JSON kind (text,
   * number, object, ...; null matches any), and the example's {@code type}, {@code title} and
   * {@code status} when it is a problem. New fields are allowed: adding is not breaking.
   */
  public static void assertShapedLike(String actualJson, Class<?> contract, String name) {
    JsonNode expected = tree(example(contract, name));
    JsonNode actual = tree(actualJson);
    assertShape(name, "", expected, actual);
    for (String fixed : new String[] {"type", "title", "status"}) {
      if (expected.has("type") && expected.has(fixed)) {
        assertThat(actual.get(fixed)).as(name + ": " + fixed).isEqualTo(expected.get(fixed));
      }
    }
  }

  private static void assertShape(String name, String path, JsonNode expected, JsonNode actual) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String at = path + "/" + field.getKey();
      assertThat(actual.has(field.getKey())).as(name + ": the answer lacks " + at + " in " + actual).isTrue();
      JsonNode want = field.getValue();
      JsonNode got = actual.get(field.getKey());
      if (!want.isNull() && !got.isNull()) {
        assertThat(got.getNodeType()).as(name + ": " + at + " in " + actual).isEqualTo(want.getNodeType());
        if (want.isObject()) {
          assertShape(name, at, want, got);
        }
      }
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }
}
