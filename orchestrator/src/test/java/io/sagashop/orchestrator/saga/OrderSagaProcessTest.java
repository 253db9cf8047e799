package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of order-saga on the in-memory engine, the steps' delegates replaced by mocks. */
@Deployment(resources = "bpmn/order-saga.bpmn")
class OrderSagaProcessTest {

  /** Fails the class unless every flow node and sequence flow of order-saga is tested (see the class). */
  @RegisterExtension
  @Order(1)
  static FullProcessCoverage fullCoverage = new FullProcessCoverage("bpmn/order-saga.bpmn");

  /**
   * The in-memory engine. On Camunda it also draws the paths the tests took, an HTML report in
   * target/process-test-coverage (the library is Camunda's only; the gate above needs none).
   */
  @RegisterExtension
  @Order(2)
  // Not named camunda.cfg.xml: Camunda's ProcessEngines.init() would find that on the class path and
  // register an H2 engine named "default" beside the Spring Boot one of the integration tests, whose
  // engine REST API would then ask the wrong engine for its users.
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().configurationResource("order-saga-process-test.cfg.xml").build();

  private final JavaDelegate requestBankTransfer = mock(JavaDelegate.class);
  private final JavaDelegate cancelPayment = mock(JavaDelegate.class);
  private final JavaDelegate recordDeposit = mock(JavaDelegate.class);
  private final JavaDelegate decreaseStock = mock(JavaDelegate.class);
  private final JavaDelegate restoreStock = mock(JavaDelegate.class);
  private final JavaDelegate requestDelivery = mock(JavaDelegate.class);
  private final JavaDelegate cancelDelivery = mock(JavaDelegate.class);
  private final JavaDelegate closeOrder = mock(JavaDelegate.class);
  private final JavaDelegate markOrderCancelled = mock(JavaDelegate.class);
  private final String orderId = UUID.randomUUID().toString();
  private ProcessInstance saga;

  @BeforeEach
  void registerSteps() throws Exception {
    doAnswer(call -> {
          call.getArgument(0, DelegateExecution.class).setVariable(SagaVariables.TRANSFER_REFERENCE, "SAGA-TEST000001");
          return null;
        })
        .when(requestBankTransfer)
        .execute(any());
    Mocks.register("requestBankTransfer", requestBankTransfer);
    Mocks.register("cancelPayment", cancelPayment);
    Mocks.register("recordDeposit", recordDeposit);
    Mocks.register("decreaseStock", decreaseStock);
    Mocks.register("restoreStock", restoreStock);
    Mocks.register("requestDelivery", requestDelivery);
    Mocks.register("cancelDelivery", cancelDelivery);
    Mocks.register("closeOrder", closeOrder);
    Mocks.register("markOrderCancelled", markOrderCancelled);
    // The inbox is the integration tests' business (SagaInboxTest); here messages come when the saga waits.
    Mocks.register("inboxDelivery", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> {});
    Mocks.register("orderFactsGuard", (org.camunda.bpm.engine.delegate.TaskListener) task -> {});
    Mocks.register("sagaTimers", new SagaTimers(new SagaDeadlines(Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), "PT1M")));
  }

  @AfterEach
  void clearSteps() {
    Mocks.reset();
  }

  @Test
  void shouldTakeAnOrderFromPlacementToClosed() throws Exception {
    // Given
    ProcessInstance saga = placeOrder();
    assertThat(saga).isStarted().isWaitingAt("Task_RequestBankTransfer");

    // When
    run("Task_RequestBankTransfer");
    assertThat(saga).isWaitingAt("Task_ConfirmDeposit").hasTaskForCandidateGroup("sellers");
    assertThat(saga).variables().containsEntry(SagaVariables.TRANSFER_REFERENCE, "SAGA-TEST000001");
    completeTask();
    run("Task_RecordDeposit");
    run("Task_DecreaseStock");
    run("Task_RequestDelivery");
    assertThat(saga).isWaitingAt("Gateway_AwaitDelivery");
    deliver(SagaMessage.DeliveryStarted);
    assertThat(saga).isWaitingAt("Gateway_AwaitReceipt");
    deliver(SagaMessage.ReceiptConfirmed);
    run("Task_CloseOrder");

    // Then
    assertThat(saga)
        .hasPassedInOrder(
            "StartEvent_OrderPlaced",
            "Task_RequestBankTransfer",
            "Task_ConfirmDeposit",
            "EndEvent_DepositConfirmed",
            "Task_RecordDeposit",
            "Task_DecreaseStock",
            "Task_RequestDelivery",
            "Gateway_AwaitDelivery",
            "Event_DeliveryStarted",
            "Gateway_AwaitReceipt",
            "Event_ReceiptConfirmed",
            "Task_CloseOrder",
            "EndEvent_OrderClosed")
        .hasNotPassed("Task_CancelPayment", "Task_RestoreStock", "Task_MarkOrderCancelled", "Event_ReceiptDeadline", "Event_DeliveryDeadline")
        .isEnded();
    verify(requestBankTransfer).execute(any());
    verify(recordDeposit).execute(any());
    verify(decreaseStock).execute(any());
    verify(requestDelivery).execute(any());
    verify(closeOrder).execute(any());
  }

  @Test
  void shouldLeaveNoDeadlineOfThePaymentWindowBehindOnceTheDepositIsConfirmed() {
    placeOrder();
    run("Task_RequestBankTransfer");

    completeTask();

    // a paid order waits for its next step only: a deposit deadline left behind would fire three days
    // after placement and cancel (and refund) an order already on its way
    ManagementService management = engine.getProcessEngine().getManagementService();
    Assertions.assertThat(management.createJobQuery().processInstanceId(saga.getId()).list())
        .extracting(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId())
        .containsExactly("Task_RecordDeposit");
  }

  @Test
  void shouldCloseTheOrderWhenReceiptIsNeverConfirmed() {
    // Given
    ProcessInstance saga = placeOrder();
    runToDeliveryStarted();

    // When
    run("Event_ReceiptDeadline");
    run("Task_CloseOrder");

    // Then
    assertThat(saga)
        .hasPassedInOrder("Event_DeliveryStarted", "Event_ReceiptDeadline", "Task_CloseOrder", "EndEvent_OrderClosed")
        .hasNotPassed("Event_ReceiptConfirmed")
        .isEnded();
  }

  @Test
  void shouldRestoreTheStockAndRefundWhenTheDeliveryIsCancelledAfterItsDeadline() throws Exception {
    // Given
    ProcessInstance saga = placeOrder();
    runToDeliveryRequested();

    // When the deadline passes and delivery-service confirms that nothing shipped
    run("Event_DeliveryDeadline");
    run("Task_CancelDelivery");
    assertThat(saga).isWaitingAt("Gateway_AwaitDeliveryCancellation");
    verify(restoreStock, never()).execute(any());
    deliver(SagaMessage.DeliveryCancelled);
    run("Event_CompensateOnDeliveryDeadline");
    run("Task_MarkOrderCancelled");

    // Then: both completed steps are undone, each once
    assertThat(saga)
        .hasPassedInOrder("Gateway_AwaitDelivery", "Event_DeliveryDeadline", "Task_CancelDelivery",
            "Gateway_AwaitDeliveryCancellation", "Event_DeliveryCancelled", "Event_CompensateOnDeliveryDeadline",
            "Task_MarkOrderCancelled", "EndEvent_OrderCancelled")
        .hasPassed("Task_RestoreStock", "Task_CancelPayment")
        .hasNotPassed("Event_DeliveryStarted", "Event_DeliveryStartedLate", "Task_CloseOrder")
        .variables().containsEntry(SagaVariables.CANCELLATION_REASON, "DELIVERY_DEADLINE");
    assertThat(saga).isEnded();
    verify(cancelDelivery).execute(any());
    verify(restoreStock).execute(any());
    verify(cancelPayment).execute(any());
  }

  @Test
  void shouldTakeAnOrderThatShippedAfterItsDeliveryDeadlineOnToReceiptWithoutRefund() throws Exception {
    // Given a saga whose delivery deadline passed while delivery-service was down
    ProcessInstance saga = placeOrder();
    runToDeliveryRequested();
    run("Event_DeliveryDeadline");
    run("Task_CancelDelivery");

    // When delivery-service comes back and had shipped (its DeliveryStarted answers the cancellation)
    deliver(SagaMessage.DeliveryStarted);
    assertThat(saga).isWaitingAt("Gateway_AwaitReceipt");
    deliver(SagaMessage.ReceiptConfirmed);
    run("Task_CloseOrder");

    // Then the order is closed as delivered: nothing is refunded, no stock comes back
    assertThat(saga)
        .hasPassedInOrder("Event_DeliveryDeadline", "Task_CancelDelivery", "Gateway_AwaitDeliveryCancellation",
            "Event_DeliveryStartedLate", "Gateway_AwaitReceipt", "Event_ReceiptConfirmed", "Task_CloseOrder", "EndEvent_OrderClosed")
        .hasNotPassed("Event_DeliveryCancelled", "Event_CompensateOnDeliveryDeadline", "Task_RestoreStock", "Task_CancelPayment",
            "Task_MarkOrderCancelled")
        .variables().doesNotContainKey(SagaVariables.CANCELLATION_REASON);
    assertThat(saga).isEnded();
    verify(restoreStock, never()).execute(any());
    verify(cancelPayment, never()).execute(any());
    verify(closeOrder).execute(any());
  }

  @Test
  void shouldCancelWhileTheBankTransferIsStillBeingRequested() throws Exception {
    // Given: payment-service is down, the first step has not completed
    ProcessInstance saga = placeOrder();

    // When
    cancel();
    run("Event_CompensateOnCancellation");
    run("Task_MarkOrderCancelled");

    // Then: nothing completed needs undoing; payment-service voids by order on OrderCanceled
    assertThat(saga)
        .hasPassedInOrder("StartEvent_CancellationRequested", "Event_CompensateOnCancellation", "EndEvent_CancellationRequested",
            "Event_PaymentWindowClosed", "Task_MarkOrderCancelled", "EndEvent_OrderCancelled")
        .hasNotPassed("Task_RequestBankTransfer", "Task_CancelPayment", "Task_ConfirmDeposit")
        .variables().containsEntry(SagaVariables.CANCELLATION_REASON, "CUSTOMER_REQUEST");
    assertThat(saga).isEnded();
    verify(requestBankTransfer, never()).execute(any());
    verify(markOrderCancelled).execute(any());
  }

  @Test
  void shouldCancelThePaymentWhenTheCustomerCancelsWhileTheDepositIsAwaited() throws Exception {
    // Given
    ProcessInstance saga = placeOrder();
    run("Task_RequestBankTransfer");
    assertThat(saga).isWaitingAt("Task_ConfirmDeposit");

    // When
    cancel();
    run("Event_CompensateOnCancellation");
    run("Task_MarkOrderCancelled");

    // Then
    assertThat(saga)
        .hasPassedInOrder("Task_RequestBankTransfer", "StartEvent_CancellationRequested", "Event_CompensateOnCancellation",
            "Event_PaymentWindowClosed", "Task_MarkOrderCancelled", "EndEvent_OrderCancelled")
        .hasPassed("Task_CancelPayment")
        // "Confirm deposit" was interrupted, so nothing after it ran
        .hasNotPassed("Task_RecordDeposit", "Task_DecreaseStock", "Task_RequestDelivery")
        .isEnded();
    verify(cancelPayment).execute(any());
  }

  @Test
  void shouldRefuseCancellationOnceTheDepositIsConfirmed() {
    // Given
    ProcessInstance saga = placeOrder();
    run("Task_RequestBankTransfer");
    completeTask();

    // When / Then: the payment window is closed, nothing waits for a cancellation
    assertThatThrownBy(this::cancel).isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(saga).isWaitingAt("Task_RecordDeposit").hasNotPassed("StartEvent_CancellationRequested");
  }

  @Test
  void shouldRefundAndCancelWhenTheStockIsTooLow() throws Exception {
    // Given
    doThrow(new BpmnError("OUT_OF_STOCK", "too little stock")).when(decreaseStock).execute(any());
    ProcessInstance saga = placeOrder();
    run("Task_RequestBankTransfer");
    completeTask();
    run("Task_RecordDeposit");

    // When
    run("Task_DecreaseStock");
    run("Event_CompensateOnOutOfStock");
    run("Task_MarkOrderCancelled");

    // Then: the deposit is refunded, nothing is delivered, stock was not taken so not restored
    assertThat(saga)
        .hasPassedInOrder("Task_RecordDeposit", "Event_OutOfStock", "Event_CompensateOnOutOfStock",
            "Task_MarkOrderCancelled", "EndEvent_OrderCancelled")
        .hasPassed("Task_CancelPayment")
        .hasNotPassed("Task_RequestDelivery", "Task_RestoreStock", "Task_CloseOrder")
        .variables().containsEntry(SagaVariables.CANCELLATION_REASON, "OUT_OF_STOCK");
    assertThat(saga).isEnded();
    verify(cancelPayment).execute(any());
    verify(requestDelivery, never()).execute(any());
  }

  @Test
  void shouldCancelWhenNoDepositArrivesBeforeTheDeadline() throws Exception {
    // Given
    ProcessInstance saga = placeOrder();
    run("Task_RequestBankTransfer");

    // When
    run("StartEvent_DepositDeadline");
    run("Event_CompensateOnDeadline");
    run("Task_MarkOrderCancelled");

    // Then
    assertThat(saga)
        .hasPassedInOrder("StartEvent_DepositDeadline", "Event_CompensateOnDeadline", "Task_MarkOrderCancelled",
            "EndEvent_OrderCancelled")
        .hasPassed("Task_CancelPayment")
        .hasNotPassed("Task_RecordDeposit")
        .variables().containsEntry(SagaVariables.CANCELLATION_REASON, "DEPOSIT_DEADLINE");
    assertThat(saga).isEnded();
    verify(cancelPayment).execute(any());
  }

  private ProcessInstance placeOrder() {
    saga = engine.getProcessEngine().getRuntimeService()
        .createMessageCorrelation(SagaMessage.OrderPlaced.name())
        .processInstanceBusinessKey(orderId)
        .setVariables(
            Map.of(
                SagaVariables.ORDER_ID, orderId,
                SagaVariables.PRODUCT_ID, "teapot-kyusu",
                SagaVariables.PRODUCT_NAME, "Kyusu clay teapot",
                SagaVariables.QUANTITY, 2,
                SagaVariables.AMOUNT, "96.00"))
        .correlateStartMessage();
    return saga;
  }

  private void runToDeliveryStarted() {
    runToDeliveryRequested();
    deliver(SagaMessage.DeliveryStarted);
  }

  private void runToDeliveryRequested() {
    run("Task_RequestBankTransfer");
    completeTask();
    run("Task_RecordDeposit");
    run("Task_DecreaseStock");
    run("Task_RequestDelivery");
  }

  /** Runs the job waiting at an activity, as the job executor would. */
  private void run(String activityId) {
    ManagementService management = engine.getProcessEngine().getManagementService();
    Job job = management.createJobQuery().processInstanceId(saga.getId()).activityId(activityId).singleResult();
    Assertions.assertThat(job).as("the job waiting at %s", activityId).isNotNull();
    management.executeJob(job.getId());
  }

  /** A seller completes the saga's open task (Confirm deposit). */
  private void completeTask() {
    TaskService tasks = engine.getProcessEngine().getTaskService();
    tasks.complete(tasks.createTaskQuery().processInstanceId(saga.getId()).singleResult().getId());
  }

  /** Assertions on this test's engine (the integration tests' Spring Boot engine may share the JVM). */
  private static SagaAssert assertThat(ProcessInstance saga) {
    return SagaAssert.assertThat(engine.getProcessEngine(), saga);
  }

  private void deliver(SagaMessage message) {
    engine.getProcessEngine().getRuntimeService().createMessageCorrelation(message.name()).processInstanceBusinessKey(orderId).correlate();
  }

  private void cancel() {
    engine.getProcessEngine().getRuntimeService()
        .createMessageCorrelation(SagaMessage.CancellationRequested.name())
        .processInstanceBusinessKey(orderId)
        .setVariable(SagaVariables.CANCELLATION_REASON, "CUSTOMER_REQUEST")
        .correlate();
  }
}
