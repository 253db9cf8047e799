package io.sagashop.orchestrator.delivery;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;
import static io.sagashop.orchestrator.saga.SagaVariables.productId;
import static io.sagashop.orchestrator.saga.SagaVariables.quantity;

import io.sagashop.platform.events.EventOutbox;
import java.util.Map;
import io.sagashop.orchestrator.saga.SagaStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * "Request delivery": the StartDelivery command goes through the outbox, so it leaves only when
 * this job commits, and by then the process waits for DeliveryStarted. A delivery-service outage
 * loses nothing: the command waits in Kafka.
 */
@Component("requestDelivery")
class RequestDelivery extends SagaStep {

  private final EventOutbox outbox;

  RequestDelivery(EventOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  protected void run(DelegateExecution execution) {
    outbox.publish(
        DeliveryCommandType.StartDelivery,
        orderId(execution),
        Map.of("productId", productId(execution), "quantity", quantity(execution)));
  }
}
