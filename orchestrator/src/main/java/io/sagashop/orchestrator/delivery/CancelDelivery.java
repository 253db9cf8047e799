package io.sagashop.orchestrator.delivery;


import io.sagashop.delivery.contract.DeliveryCommandType;
import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import io.sagashop.platform.events.EventOutbox;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * "Cancel delivery", once the delivery deadline has passed. The saga cannot know whether a
 * delivery-service that was slow or down has shipped meanwhile, so it asks on the same topic and
 * partition (keyed by orderId) as StartDelivery: delivery-service reads the two in the order they
 * were sent, and answers under the order's lock, either DeliveryCancelled or (it had shipped) the
 * DeliveryStarted that the saga then takes to receipt. Compensating on the deadline alone would
 * refund goods that left the warehouse.
 */
@Component("cancelDelivery")
class CancelDelivery extends SagaStep {

  private final EventOutbox outbox;

  CancelDelivery(StartedOrders orders, EventOutbox outbox) {
    super(orders);
    this.outbox = outbox;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    outbox.publish(DeliveryCommandType.CancelDelivery, order.orderId(), Map.of());
  }
}
