package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.delivery.contract.DeliveryEventType;
import io.sagashop.order.contract.OrderEventType;
import org.junit.jupiter.api.Test;

/**
 * The saga waits for the services' events by the names their publishers' contracts give them: a
 * renamed event fails here, not in a saga that never hears of it.
 */
class SagaMessageTest {

  @Test
  void shouldWaitForEachServicesEventByTheNameItsContractGivesIt() {
    assertThat(SagaMessage.OrderPlaced.name()).isEqualTo(OrderEventType.OrderPlaced.name());
    assertThat(SagaMessage.ReceiptConfirmed.name()).isEqualTo(OrderEventType.ReceiptConfirmed.name());
    assertThat(SagaMessage.DeliveryStarted.name()).isEqualTo(DeliveryEventType.DeliveryStarted.name());
    assertThat(SagaMessage.DeliveryCancelled.name()).isEqualTo(DeliveryEventType.DeliveryCancelled.name());
  }
}
