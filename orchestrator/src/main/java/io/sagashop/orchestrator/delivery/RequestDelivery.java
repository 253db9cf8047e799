package io.sagashop.orchestrator.delivery;


import io.sagashop.delivery.contract.DeliveryCommandType;
import io.sagashop.delivery.contract.StartDelivery;
import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import io.sagashop.platform.events.EventOutbox;
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

  RequestDelivery(StartedOrders orders, EventOutbox outbox) {
    super(orders);
    this.outbox = outbox;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    outbox.publish(
        DeliveryCommandType.StartDelivery, order.orderId(), new StartDelivery(order.productId(), order.quantity()));
  }
}
