package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sagas that left their payment window before EventSubprocessTimers ran carry their deposit deadline
 * still; the orchestrator removes it at start, and leaves the deadline of a saga still in its window.
 */
@Deployment(resources = {"bpmn/order-saga.bpmn", "bpmn/confirm-deposit.form"})
class LeftoverTimersTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("order-saga-unmended.cfg.xml").build();

  @BeforeEach
  void registerSteps() {
    TodaysSteps.register(new ThreadLocal<>());
  }

  @AfterEach
  void clearSteps() {
    Mocks.reset();
  }

  @Test
  void shouldRemoveTheDeadlineOfAPaidOrderAndKeepThatOfAnUnpaidOne() {
    ProcessEngine processEngine = engine.getProcessEngine();
    String paid = placeOrder();
    run(paid, "Task_RequestBankTransfer");
    processEngine.getTaskService().complete(processEngine.getTaskService().createTaskQuery().processInstanceId(paid).singleResult().getId());
    String unpaid = placeOrder();
    run(unpaid, "Task_RequestBankTransfer");
    // as an orchestrator without the mend left them: the paid order's deadline is still there
    assertThat(jobsAt(paid)).containsExactlyInAnyOrder("StartEvent_DepositDeadline", "Task_RecordDeposit");

    int removed = new LeftoverTimers(processEngine.getManagementService(), processEngine.getRuntimeService(), processEngine.getRepositoryService())
        .removeLeftovers();

    assertThat(removed).isOne();
    assertThat(jobsAt(paid)).containsExactly("Task_RecordDeposit");
    assertThat(jobsAt(unpaid)).containsExactly("StartEvent_DepositDeadline");
  }

  private String placeOrder() {
    String orderId = UUID.randomUUID().toString();
    return engine.getProcessEngine().getRuntimeService()
        .createMessageCorrelation(SagaMessage.OrderPlaced.name())
        .processInstanceBusinessKey(orderId)
        .setVariables(Map.of(SagaVariables.ORDER_ID, orderId, SagaVariables.PRODUCT_ID, "teapot-kyusu", SagaVariables.PRODUCT_NAME, "Kyusu clay teapot",
            SagaVariables.QUANTITY, 2, SagaVariables.AMOUNT, "96.00"))
        .correlateStartMessage()
        .getId();
  }

  private void run(String saga, String activity) {
    ManagementService management = engine.getProcessEngine().getManagementService();
    management.executeJob(management.createJobQuery().processInstanceId(saga).activityId(activity).singleResult().getId());
  }

  private List<String> jobsAt(String saga) {
    ManagementService management = engine.getProcessEngine().getManagementService();
    return management.createJobQuery().processInstanceId(saga).list().stream()
        .map(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId())
        .toList();
  }
}
