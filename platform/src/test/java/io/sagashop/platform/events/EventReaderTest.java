package io.sagashop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A consumer reads an event's data as its owner's contract type, or dead-letters the record. */
class EventReaderTest {

  record Shipment(@NotBlank String productId, @NotNull @Min(1) Integer quantity) {}

  private final ObjectMapper json = new ObjectMapper();
  private final EventReader reader = new EventReader(json, Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void readsTheDataAsTheContractType() {
    assertThat(reader.data(event("{\"productId\":\"tea-rooibos\",\"quantity\":2}"), Shipment.class))
        .isEqualTo(new Shipment("tea-rooibos", 2));
  }

  @Test
  void namesTheFieldsThatBreakTheContractsConstraints() {
    assertThatThrownBy(() -> reader.data(event("{\"productId\":\"\",\"quantity\":0}"), Shipment.class))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("StartDelivery for order")
        .hasMessageContaining("invalid fields: productId must not be blank, quantity must be greater than or equal to 1");
  }

  @Test
  void dataOfTheWrongShapeIsPoison() {
    assertThatThrownBy(() -> reader.data(event("{\"productId\":\"tea-rooibos\",\"quantity\":\"two\"}"), Shipment.class))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("is not a Shipment");
  }

  @Test
  void readsTheSchemaVersionItsProducerWroteAndOneWhereAnOlderProducerWroteNone() {
    String envelope = "{\"id\":\"5b0d7e36-8c1f-4a40-9d5e-3c1c0b6f7a10\",\"type\":\"StartDelivery\",\"source\":\"orchestrator\","
        + "\"orderId\":\"6b1d4f1e-3f7a-4a55-9a53-0d7c1f0e2a11\",\"data\":{\"productId\":\"tea-rooibos\",\"quantity\":2}";

    assertThat(reader.read((envelope + ",\"schemaVersion\":2}").getBytes(StandardCharsets.UTF_8)).schemaVersion()).isEqualTo(2);
    assertThat(reader.read((envelope + "}").getBytes(StandardCharsets.UTF_8)).schemaVersion()).isOne();
  }

  @Test
  void missingDataIsPoison() {
    assertThatThrownBy(() -> reader.data(event("null"), Shipment.class))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("has no data");
  }

  private EventEnvelope event(String data) {
    try {
      return new EventEnvelope(UUID.randomUUID(), "StartDelivery", "orchestrator", Instant.now(), UUID.randomUUID(), json.readTree(data), null, 1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
