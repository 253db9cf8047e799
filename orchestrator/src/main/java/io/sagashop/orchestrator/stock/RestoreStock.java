package io.sagashop.orchestrator.stock;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import io.sagashop.orchestrator.saga.SagaStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Restore stock", the compensation of "Decrease stock": puts the goods back, once. */
@Component("restoreStock")
class RestoreStock extends SagaStep {

  private final InventoryClient inventory;

  RestoreStock(InventoryClient inventory) {
    this.inventory = inventory;
  }

  @Override
  protected void run(DelegateExecution execution) {
    inventory.restore(orderId(execution));
  }
}
