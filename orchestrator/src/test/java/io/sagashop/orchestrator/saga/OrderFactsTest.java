package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The saga's steps act on the order of the business key with the facts stored at its start: a
 * variable somebody changed (here as an operator could, in Cockpit) stops the step with a message
 * naming it, and nothing is called with the wrong order or quantity.
 */
@ServiceIntegrationTest
class OrderFactsTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void shouldStopAStepWhoseQuantityVariableWasChangedAndNameIt() {
    // Given an order of 2 whose saga's quantity variable says 1, as somebody set it
    UUID orderId = UUID.randomUUID();
    jdbc.update("INSERT INTO started_order (order_id, product_id, quantity, amount) VALUES (?, 'teapot-kyusu', 2, 96.00)", orderId);

    // When its next step, Decrease stock, runs
    String saga = runtime.createProcessInstanceByKey("order-saga")
        .businessKey(orderId.toString())
        .setVariables(Map.of(
            SagaVariables.ORDER_ID, orderId.toString(),
            SagaVariables.PRODUCT_ID, "teapot-kyusu",
            SagaVariables.QUANTITY, 1,
            SagaVariables.AMOUNT, "96.00"))
        .startBeforeActivity("Task_DecreaseStock")
        .execute()
        .getId();

    // Then it fails naming the variable, before any call, and waits for an operator
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Job step = management.createJobQuery().processInstanceId(saga).singleResult();
      assertThat(step.getExceptionMessage()).isEqualTo("Decrease stock failed for order " + orderId
          + ": the variable quantity was changed to 1, but the order's quantity is 2; the step acts on the order as the saga started it."
          + " Set the variable back to 2 (Cockpit, the instance's Variables tab), then retry.");
    });
  }
}
