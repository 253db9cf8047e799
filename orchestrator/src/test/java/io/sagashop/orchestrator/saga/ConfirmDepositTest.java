package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The seller completes Confirm deposit over the engine REST API, as Tasklist does. */
@ServiceIntegrationTest
class ConfirmDepositTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate http;

  @Test
  void shouldRefuseACompletionThatChangesTheOrdersQuantityAndChangeNothing() {
    // Given an order of 2 teapots waiting for the seller
    UUID orderId = sagaAwaitingDeposit();
    Task task = confirmDepositOf(orderId);

    // When the seller completes the task with a quantity of 1
    ResponseEntity<String> answer = complete(task, "{\"variables\":{\"quantity\":{\"value\":1,\"type\":\"Integer\"}}}");

    // Then the completion is refused with a clear message, and the order is as it was (the engine REST
    // API reports every exception of a task listener as 500, with its message)
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(answer.getBody()).contains("Confirm deposit cannot change the order's quantity (it is 2, the completion gave 1)");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), SagaVariables.QUANTITY)).isEqualTo(2);
  }

  @Test
  void shouldRefuseACompletionThatChangesTheAmount() {
    UUID orderId = sagaAwaitingDeposit();

    ResponseEntity<String> answer = complete(confirmDepositOf(orderId), "{\"variables\":{\"amount\":{\"value\":\"0.01\"}}}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(answer.getBody()).contains("cannot change the order's amount (it is 96.00, the completion gave 0.01)");
  }

  @Test
  void shouldAcceptTheFactsResentUnchangedAndKeepTheirTypes() {
    // Given an order waiting for the seller
    UUID orderId = sagaAwaitingDeposit();
    Task task = confirmDepositOf(orderId);

    // When a form resends the read-only facts, the quantity as a Long
    ResponseEntity<String> answer = complete(task,
        "{\"variables\":{\"quantity\":{\"value\":2,\"type\":\"Long\"},\"amount\":{\"value\":\"96.0\"},\"productId\":{\"value\":\"teapot-kyusu\"}}}");

    // Then the deposit is confirmed, and the steps after it read the facts as the saga started with them
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), SagaVariables.QUANTITY)).isEqualTo(2);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), SagaVariables.AMOUNT)).isEqualTo("96.00");
  }

  /** A saga as it is after Request bank transfer: the seller's task is open, the facts kept as SagaStarts keeps them. */
  private UUID sagaAwaitingDeposit() {
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
            SagaVariables.TRANSFER_REFERENCE, "SAGA-TEST000001"))
        .startBeforeActivity("Task_ConfirmDeposit")
        .execute();
    return orderId;
  }

  private Task confirmDepositOf(UUID orderId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(orderId.toString()).taskDefinitionKey("Task_ConfirmDeposit").singleResult();
  }

  private ResponseEntity<String> complete(Task task, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(TestIdentity.staff("seller", "SELLER"));
    return http
        .postForEntity("/engine-rest/task/" + task.getId() + "/complete", new HttpEntity<>(body, headers), String.class);
  }
}
