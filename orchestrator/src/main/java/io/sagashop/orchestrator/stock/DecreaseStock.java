package io.sagashop.orchestrator.stock;

import static io.sagashop.orchestrator.saga.SagaVariables.orderId;
import static io.sagashop.orchestrator.saga.SagaVariables.productId;
import static io.sagashop.orchestrator.saga.SagaVariables.quantity;

import feign.FeignException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Decrease stock": takes the goods. Too little stock is a business outcome, the BPMN error
 * OUT_OF_STOCK, which refunds and cancels the order; any other failure is retried.
 */
@Component("decreaseStock")
class DecreaseStock implements JavaDelegate {

  static final String OUT_OF_STOCK = "OUT_OF_STOCK";
  private static final String OUT_OF_STOCK_PROBLEM = "/problems/out-of-stock";

  private final InventoryClient inventory;

  DecreaseStock(InventoryClient inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      inventory.decrease(orderId(execution), new InventoryClient.DecreaseRequest(productId(execution), quantity(execution)));
    } catch (FeignException.Conflict conflict) {
      if (conflict.contentUTF8().contains(OUT_OF_STOCK_PROBLEM)) {
        throw new BpmnError(OUT_OF_STOCK, "Too little stock of " + productId(execution) + " for order " + orderId(execution));
      }
      throw conflict;
    }
  }
}
