package io.sagashop.orchestrator.next;

import io.sagashop.events.contract.EventType;
import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import io.sagashop.platform.events.EventOutbox;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The next release's "Request delivery": StartDelivery at schema version 2, with the time the
 * address was checked, a field today's delivery-service does not know and reads past.
 */
@Component("requestDeliveryOfCheckedAddress")
class RequestDeliveryOfCheckedAddress extends SagaStep {

  /** StartDelivery as the next release's delivery-contract would declare it. */
  enum Command implements EventType {
    StartDelivery {
      @Override
      public int schemaVersion() {
        return 2;
      }
    }
  }

  /** StartDelivery's data at version 2: version 1's fields and one more, optional as every added field is. */
  record StartDelivery(@NotBlank String productId, @NotNull @Min(1) Integer quantity, String addressCheckedAt) {}

  private final EventOutbox outbox;

  RequestDeliveryOfCheckedAddress(StartedOrders orders, EventOutbox outbox) {
    super(orders);
    this.outbox = outbox;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    outbox.publish(Command.StartDelivery, order.orderId(),
        new StartDelivery(order.productId(), order.quantity(), (String) execution.getVariable(CheckDeliveryAddress.ADDRESS_CHECKED_AT)));
  }
}
