package io.sagashop.orchestrator;

import io.sagashop.orchestrator.saga.SagaVariables;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sagas as they are after Request bank transfer, in the engine under test: the seller's task is
 * open, and the order's facts are kept as SagaStarts keeps them (2 Kyusu teapots, 96.00).
 */
public record SagasAwaitingDeposit(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks) {

  public UUID place() {
    UUID orderId = UUID.randomUUID();
    jdbc.update("INSERT INTO started_order (order_id, product_id, quantity, amount) VALUES (?, 'teapot-kyusu', 2, 96.00)", orderId);
    runtime.createProcessInstanceByKey("order-saga")
        .businessKey(orderId.toString())
        .setVariables(Map.of(
            SagaVariables.ORDER_ID, orderId.toString(),
            SagaVariables.PRODUCT_ID, "teapot-kyusu",
            SagaVariables.PRODUCT_NAME, "Kyusu clay teapot",
            SagaVariables.QUANTITY, 2,
            SagaVariables.AMOUNT, "96.00",
            SagaVariables.TRANSFER_REFERENCE, "SAGA-" + orderId.toString().substring(0, 8).toUpperCase()))
        .startBeforeActivity("Task_ConfirmDeposit")
        .execute();
    return orderId;
  }

  public Task confirmDepositOf(UUID orderId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(orderId.toString()).taskDefinitionKey("Task_ConfirmDeposit").singleResult();
  }
}
