package io.sagashop.orchestrator.stock;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Restore stock", the compensation of "Decrease stock": puts the goods back, once. */
@Component("restoreStock")
class RestoreStock implements JavaDelegate {

  private final InventoryClient inventory;

  RestoreStock(InventoryClient inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inventory.restore(orderId(execution));
  }
}
