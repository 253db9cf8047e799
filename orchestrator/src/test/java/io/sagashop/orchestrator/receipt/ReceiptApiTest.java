package io.sagashop.orchestrator.receipt;

import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.delivery.contract.DeliveryView;
import io.sagashop.orchestrator.contract.SagaProblems;
import io.sagashop.orchestrator.saga.SagaVariables;
import io.sagashop.testsupport.HttpStub;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Receipts decided by the saga on the real engine and database: taken once the delivery has
 * started, also in the moment before the saga has read DeliveryStarted; refused before, and after
 * the order ended.
 */
@ServiceIntegrationTest
class ReceiptApiTest {

  private static final String EXAMPLE_ORDER = "6b1d4f1e-3f7a-4a55-9a53-0d7c1f0e2a11";
  private static final HttpStub DELIVERY_SERVICE = HttpStub.start();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void callAsOrderService() {
    TestIdentity.callAs(http, TestIdentity.service("order-service", "saga.requests"));
  }

  private final UUID orderId = UUID.randomUUID();

  @DynamicPropertySource
  static void deliveryService(DynamicPropertyRegistry registry) {
    registry.add("sagashop.services.delivery-url", DELIVERY_SERVICE::url);
  }

  @AfterAll
  static void stopStub() {
    DELIVERY_SERVICE.close();
  }

  @Test
  void shouldTakeTheReceiptOfAnOrderWhoseSagaWaitsForIt() {
    sagaStartedBefore("Gateway_AwaitDelivery");
    runtime.createMessageCorrelation("DeliveryStarted").processInstanceBusinessKey(orderId.toString()).correlate();

    ResponseEntity<Map> answer = confirmReceipt();

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(DELIVERY_SERVICE.calls("GET", deliveryPath())).isZero();
  }

  @Test
  void shouldTakeTheReceiptWhenTheDeliveryStartedButTheSagaHasNotReadItYet() {
    // Given a saga waiting for DeliveryStarted, which delivery-service has already published
    sagaStartedBefore("Gateway_AwaitDelivery");
    DELIVERY_SERVICE.answer("GET", deliveryPath(), 200, startedDelivery());

    // When the customer, who sees IN_DELIVERY, confirms receipt
    ResponseEntity<Map> answer = confirmReceipt();

    // Then it is taken: the ReceiptConfirmed that follows waits in the inbox for the saga
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(DELIVERY_SERVICE.calls("GET", deliveryPath())).isEqualTo(1);
    // with the orchestrator's own token, which allows reading deliveries
    assertThat(TestIdentity.claimsOf(DELIVERY_SERVICE.authorization("GET", deliveryPath())))
        .containsEntry("sub", "orchestrator")
        .containsEntry("iss", TestIdentity.issuer())
        .hasEntrySatisfying("scope", scope -> assertThat(scope.toString()).contains("deliveries.read"));
  }

  @Test
  void shouldTakeTheReceiptOfGoodsThatLeftAfterTheDeliveryDeadline() {
    // Given a saga past its delivery deadline, waiting for delivery-service's answer to CancelDelivery,
    // and a delivery-service that had shipped after all
    sagaStartedBefore("Gateway_AwaitDeliveryCancellation");
    DELIVERY_SERVICE.answer("GET", deliveryPath(), 200, startedDelivery());

    // When the customer confirms receipt of the parcel they have
    ResponseEntity<Map> answer = confirmReceipt();

    // Then it is taken: the order goes on to receipt, not to a refund
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
  }

  @Test
  void shouldRefuseTheReceiptWhileTheDeliveryHasNotStarted() {
    sagaStartedBefore("Gateway_AwaitDelivery");

    ResponseEntity<Map> answer = confirmReceipt();

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(answer.getBody()).containsEntry("title", "Receipt refused")
        .containsEntry("detail", "Order " + orderId + " is not in delivery yet.")
        .containsEntry("type", SagaProblems.RECEIPT_REFUSED.toString());
  }

  @Test
  void shouldRefuseTheReceiptOfAnOrderAwaitingItsDepositWithoutAskingDeliveryService() {
    sagaStartedBefore("Task_ConfirmDeposit");

    assertThat(confirmReceipt().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(DELIVERY_SERVICE.calls("GET", deliveryPath())).isZero();
  }

  @Test
  void shouldRefuseTheReceiptOfAnUnknownOrderAndOfACancelledOne() {
    assertThat(confirmReceipt().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    // a saga that ended cancelled (its reason recorded, as every cancelled path records it)
    sagaStartedBefore("Task_ConfirmDeposit", Map.of(SagaVariables.CANCELLATION_REASON, "CUSTOMER_REQUEST"));
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId.toString()).list()
        .forEach(saga -> runtime.deleteProcessInstance(saga.getId(), "ended for the test", true, true));
    ResponseEntity<Map> answer = confirmReceipt();

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.getBody()).containsEntry("detail", "Order " + orderId + " is cancelled.");
  }

  @Test
  void shouldAskToRetryWhileDeliveryServiceCannotTell() {
    sagaStartedBefore("Gateway_AwaitDelivery");
    DELIVERY_SERVICE.answer("GET", deliveryPath(), 503, "{}");

    ResponseEntity<Map> answer = confirmReceipt();

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
  }

  private void sagaStartedBefore(String activityId) {
    sagaStartedBefore(activityId, Map.of());
  }

  private void sagaStartedBefore(String activityId, Map<String, Object> more) {
    runtime.createProcessInstanceByKey("order-saga")
        .businessKey(orderId.toString())
        .setVariables(Map.of(
            SagaVariables.ORDER_ID, orderId.toString(),
            SagaVariables.PRODUCT_ID, "teapot-kyusu",
            SagaVariables.PRODUCT_NAME, "Kyusu clay teapot",
            SagaVariables.QUANTITY, 2,
            SagaVariables.AMOUNT, "96.00"))
        .setVariables(more)
        .startBeforeActivity(activityId)
        .execute();
  }

  private ResponseEntity<Map> confirmReceipt() {
    return http.postForEntity("/saga/orders/{id}/receipt", null, Map.class, orderId);
  }

  private String deliveryPath() {
    return "/deliveries/" + orderId;
  }

  /** delivery-service's answer for this order, as its contract's example has it. */
  private String startedDelivery() {
    return example(DeliveryView.class, "delivery.json").replace(EXAMPLE_ORDER, orderId.toString());
  }
}
