package io.sagashop.orchestrator.delivery;

import static io.sagashop.testsupport.ContractExamples.assertWrittenAs;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.sagashop.delivery.contract.DeliveryCommandType;
import io.sagashop.delivery.contract.StartDelivery;
import io.sagashop.orchestrator.SagaExecutions;
import io.sagashop.platform.events.EventOutbox;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** "Request delivery" sends delivery-service's StartDelivery command, as its contract's example has it. */
class DeliveryContractConsumerTest {

  private final UUID orderId = UUID.randomUUID();
  private final EventOutbox outbox = mock(EventOutbox.class);

  @Test
  void sendsTheContractsStartDelivery() throws Exception {
    new RequestDelivery(SagaExecutions.STARTED_ORDERS, outbox).execute(SagaExecutions.of("Request delivery", orderId, "tea-rooibos", 2, "25.80"));

    ArgumentCaptor<Object> data = ArgumentCaptor.forClass(Object.class);
    verify(outbox).publish(eq(DeliveryCommandType.StartDelivery), eq(orderId), data.capture());
    assertWrittenAs(data.getValue(), StartDelivery.class, "start-delivery.json");
  }

  @Test
  void cancelsWithTheContractsCancelDelivery() throws Exception {
    new CancelDelivery(SagaExecutions.STARTED_ORDERS, outbox).execute(SagaExecutions.of("Cancel delivery", orderId, "tea-rooibos", 2, "25.80"));

    verify(outbox).publish(eq(DeliveryCommandType.CancelDelivery), eq(orderId), any());
  }
}
