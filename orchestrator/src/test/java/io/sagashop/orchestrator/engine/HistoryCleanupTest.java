package io.sagashop.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history of ended sagas does not stay forever: Camunda's cleanup job is scheduled in the
 * night window, and it removes an ended instance's history once its time to live (the order saga's
 * 180 days) has passed, and not before. On a real PostgreSQL; the clock stays as it is (the
 * engine's clock is one for every engine in the JVM), so an instance whose time to live is 0 days
 * stands for one whose 180 days have passed.
 */
@ServiceIntegrationTest
class HistoryCleanupTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Test
  void shouldScheduleTheCleanupAndKeepTheOrderSagasHistoryFor180Days() {
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("order-saga").latestVersion().singleResult().getHistoryTimeToLive())
        .isEqualTo(180);
  }

  @Test
  void shouldRemoveTheHistoryOfAnEndedInstanceOnceItsTimeToLiveHasPassedAndNotBefore() {
    String expired = endedInstance("history-expired", 0);
    String kept = endedInstance("history-kept", 180);

    Job cleanup = history.cleanUpHistoryAsync(true);
    try {
      management.executeJob(cleanup.getId());
    } catch (OptimisticLockingException jobExecutorRanItToo) {
      // the cleanup is due now, and the engine's own job executor may pick it up at the same
      // moment; one of the two runs goes through, the other is rolled back
    }

    await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(expired).count()).as("removed after its time to live").isZero());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(expired).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(kept).count()).as("kept within its time to live").isOne();
  }

  private String endedInstance(String process, int daysToLive) {
    repository.createDeployment().addModelInstance(process + ".bpmn",
        Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(daysToLive).startEvent().endEvent().done()).deploy();
    return runtime.startProcessInstanceByKey(process).getId();
  }
}
