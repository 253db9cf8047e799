package io.sagashop.orchestrator.saga;

import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.order.contract.OrderEventType;
import io.sagashop.order.contract.OrderPlaced;
import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import io.sagashop.platform.events.PoisonEventException;
import jakarta.validation.Validation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The saga starts from order-service's OrderPlaced, as that service's contract's example has it. */
class OrderPlacedContractConsumerTest {

  private final ObjectMapper json = new ObjectMapper();
  private final SagaEvents events =
      new SagaEvents(new EventReader(json, Validation.buildDefaultValidatorFactory().getValidator()), null, null);
  private final UUID orderId = UUID.randomUUID();

  @Test
  void startsTheSagaWithTheExamplesFacts() throws Exception {
    assertThat(events.startVariables(orderPlaced(example(OrderPlaced.class, "order-placed.json"))))
        .containsEntry(SagaVariables.ORDER_ID, orderId.toString())
        .containsEntry(SagaVariables.PRODUCT_ID, "tea-rooibos")
        .containsEntry(SagaVariables.PRODUCT_NAME, "Rooibos tea, 250 g")
        .containsEntry(SagaVariables.QUANTITY, 2)
        .containsEntry(SagaVariables.AMOUNT, "25.80");
  }

  @Test
  void anOrderPlacedThatBreaksTheContractIsPoisonNamingTheField() throws Exception {
    String fractionsOfACent = example(OrderPlaced.class, "order-placed.json").replace("25.80", "25.805");

    assertThatThrownBy(() -> events.startVariables(orderPlaced(fractionsOfACent)))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("OrderPlaced for order " + orderId)
        .hasMessageContaining("invalid fields: amount");
  }

  private EventEnvelope orderPlaced(String data) throws Exception {
    return new EventEnvelope(UUID.randomUUID(), OrderEventType.OrderPlaced.name(), "order-service", Instant.now(), orderId,
        json.readTree(data), null, OrderEventType.OrderPlaced.schemaVersion());
  }
}
