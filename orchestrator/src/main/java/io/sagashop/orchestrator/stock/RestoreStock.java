package io.sagashop.orchestrator.stock;


import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Restore stock", the compensation of "Decrease stock": puts the goods back, once. */
@Component("restoreStock")
class RestoreStock extends SagaStep {

  private final InventoryClient inventory;

  RestoreStock(StartedOrders orders, InventoryClient inventory) {
    super(orders);
    this.inventory = inventory;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    inventory.restore(order.orderId());
  }
}
