package io.sagashop.orchestrator.cancellation;

import static io.sagashop.testsupport.ContractExamples.assertShapedLike;
import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.orchestrator.contract.CancellationAnswer;
import io.sagashop.orchestrator.contract.CancellationRequest;
import io.sagashop.orchestrator.contract.SagaApi;
import io.sagashop.orchestrator.saga.SagaStarts;
import io.sagashop.orchestrator.saga.SagaVariables;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Cancellations decided by the saga's state, on the real engine and database. */
@ServiceIntegrationTest
class CancellationApiTest {

  @Autowired TestRestTemplate http;
  @Autowired SagaStarts starts;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  @BeforeEach
  void callAsOrderService() {
    TestIdentity.callAs(http, TestIdentity.service("order-service", "saga.requests"));
  }

  private final UUID orderId = UUID.randomUUID();

  @Test
  void shouldTakeACancellationWhileThePaymentWindowIsOpenAndOnlyOnce() {
    starts.startOnce(
        orderId,
        Map.of(SagaVariables.ORDER_ID, orderId.toString(), SagaVariables.PRODUCT_ID, "teapot-kyusu",
            SagaVariables.PRODUCT_NAME, "Kyusu clay teapot", SagaVariables.QUANTITY, 2, SagaVariables.AMOUNT, "96.00"));

    ResponseEntity<Map> first = cancel();
    ResponseEntity<Map> again = cancel();

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(first.getBody()).containsEntry("outcome", "ACCEPTED");
    assertShapedLike(cancel(String.class).getBody(), CancellationAnswer.class, "cancellation-accepted.json");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("outcome", "ALREADY_CANCELLED");
    assertThat(runtime.createEventSubscriptionQuery().eventName("CancellationRequested").processInstanceId(instance()).count())
        .isZero();
  }

  @Test
  void shouldStartAndCancelASagaWhoseOrderPlacedHasNotArrivedYet() {
    ResponseEntity<Map> response = cancel();

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance()).variableName("cancellationReason")
            .singleResult().getValue())
        .isEqualTo("CUSTOMER_REQUEST");
    // the OrderPlaced that arrives later starts nothing
    assertThat(starts.startOnce(orderId, Map.of())).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).count() == 1);
  }

  @Test
  void shouldRefuseACancellationWithoutTheOrderItIsFor() {
    ResponseEntity<Map> response =
        http.postForEntity("/saga/orders/{id}/cancellation", Map.of("quantity", 0), Map.class, orderId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").toString()).contains("field=productId").contains("field=quantity");
  }

  private ResponseEntity<Map> cancel() {
    return cancel(Map.class);
  }

  /** order-service's request, as the orchestrator's contract's example has it. */
  private <T> ResponseEntity<T> cancel(Class<T> answer) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity(SagaApi.CANCELLATION, new HttpEntity<>(example(CancellationRequest.class, "cancellation-request.json"), headers),
        answer, orderId);
  }

  private String instance() {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).singleResult().getId();
  }
}
