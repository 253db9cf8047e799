package io.sagashop.orchestrator.stock;


import io.sagashop.inventory.contract.StockDecreaseRequest;
import io.sagashop.inventory.contract.StockProblems;
import io.sagashop.orchestrator.saga.OrderFacts;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.orchestrator.saga.StartedOrders;
import io.sagashop.platform.client.ProblemAnswer;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * "Decrease stock": takes the goods. Too little stock is a business outcome, the BPMN error
 * OUT_OF_STOCK, which refunds and cancels the order; any other failure is retried.
 */
@Component("decreaseStock")
class DecreaseStock extends SagaStep {

  private static final String OUT_OF_STOCK = "OUT_OF_STOCK";

  private final InventoryClient inventory;

  DecreaseStock(StartedOrders orders, InventoryClient inventory) {
    super(orders);
    this.inventory = inventory;
  }

  @Override
  protected void run(DelegateExecution execution, OrderFacts order) {
    try {
      inventory.decrease(order.orderId(), new StockDecreaseRequest(order.productId(), order.quantity()));
    } catch (RuntimeException failure) {
      // the circuit breaker wraps what Feign throws
      if (causeOf(failure, ProblemAnswer.class).filter(answer -> answer.is(StockProblems.OUT_OF_STOCK)).isPresent()) {
        throw new BpmnError(OUT_OF_STOCK, "Too little stock of " + order.productId() + " for order " + order.orderId());
      }
      throw failure;
    }
  }
}
