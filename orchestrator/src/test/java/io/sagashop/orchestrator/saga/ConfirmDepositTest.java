package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.orchestrator.SagasAwaitingDeposit;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
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

  private SagasAwaitingDeposit sagas() {
    return new SagasAwaitingDeposit(jdbc, runtime, tasks);
  }

  @Test
  void shouldRefuseASellersCompletionThatChangesTheOrdersQuantityAndChangeNothing() {
    // Given an order of 2 teapots waiting for the seller
    UUID orderId = sagas().place();
    Task task = sagas().confirmDepositOf(orderId);

    // When the seller completes the task with a quantity of 1
    ResponseEntity<String> answer = complete(task, "seller", "{\"variables\":{\"quantity\":{\"value\":1,\"type\":\"Integer\"}}}");

    // Then the completion is refused naming the field, and the order is as it was
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody()).contains("the form's field quantity must be sent back as it is");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), SagaVariables.QUANTITY)).isEqualTo(2);
  }

  @Test
  void shouldRefuseEvenAnOperatorsCompletionThatChangesTheAmount() {
    // operators pass the engine API's guard; the task's own listener still keeps the order's facts
    UUID orderId = sagas().place();

    ResponseEntity<String> answer = complete(sagas().confirmDepositOf(orderId), "operator", "{\"variables\":{\"amount\":{\"value\":\"0.01\"}}}");

    // the engine REST API reports every exception of a task listener as 500, with its message
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(answer.getBody()).contains("cannot change the order's amount (it is 96.00, the completion gave 0.01)");
  }

  @Test
  void shouldAcceptTheFormsFieldsResentUnchangedAndKeepTheirTypes() {
    // Given an order waiting for the seller
    UUID orderId = sagas().place();
    Task task = sagas().confirmDepositOf(orderId);

    // When the form resends its read-only fields, the quantity as a Long
    ResponseEntity<String> answer = complete(task, "seller",
        "{\"variables\":{\"orderId\":{\"value\":\"" + orderId + "\"},\"quantity\":{\"value\":2,\"type\":\"Long\"},\"amount\":{\"value\":\"96.0\"},"
            + "\"productName\":{\"value\":\"Kyusu clay teapot\"}}}");

    // Then the deposit is confirmed, and the steps after it read the facts as the saga started with them
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), SagaVariables.QUANTITY)).isEqualTo(2);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), SagaVariables.AMOUNT)).isEqualTo("96.00");
  }

  private ResponseEntity<String> complete(Task task, String caller, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(TestIdentity.caller(caller));
    return http
        .postForEntity("/engine-rest/task/" + task.getId() + "/complete", new HttpEntity<>(body, headers), String.class);
  }
}
