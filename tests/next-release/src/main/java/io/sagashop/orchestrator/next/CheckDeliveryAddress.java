package io.sagashop.orchestrator.next;

import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The next release's new step before delivery: the address is checked, and when. */
@Component("checkDeliveryAddress")
class CheckDeliveryAddress extends SagaStep {

  static final String ADDRESS_CHECKED_AT = "addressCheckedAt";

  CheckDeliveryAddress(StartedOrders orders) {
    super(orders);
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    execution.setVariable(ADDRESS_CHECKED_AT, Clock.systemUTC().instant().toString());
  }
}
