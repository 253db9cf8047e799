package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The orchestrator runs the jobs of the saga versions it knows and leaves the others alone: during a
 * rolling upgrade, an old node must not run a step of a version its code was never tested with.
 */
@ServiceIntegrationTest
class SagaVersionsTest {

  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired SagaVersions versions;

  @Test
  void shouldRunTheVersionItDeploysAndLeaveAVersionItDoesNotKnowToABuildThatDoes() {
    ProcessDefinition deployed = repository.createProcessDefinitionQuery().processDefinitionKey(SagaVersions.PROCESS).latestVersion().singleResult();
    // a newer saga, as a newer build deploys it while this one still runs (here: a step of its own)
    BpmnModelInstance newer = Bpmn.createExecutableProcess(SagaVersions.PROCESS).camundaHistoryTimeToLive(180)
        .startEvent().serviceTask("Task_NewStep").camundaAsyncBefore().camundaExpression("${true}").endEvent().done();
    Deployment next = repository.createDeployment().name("order-saga of a newer build").addModelInstance("order-saga.bpmn", newer).deploy();
    try {
      // this node (re)starts, as in a rolling upgrade
      versions.registerKnownVersions();
      String onNewer = runtime.startProcessInstanceById(
          repository.createProcessDefinitionQuery().deploymentId(next.getId()).singleResult().getId()).getId();

      assertThat(management.getRegisteredDeployments()).contains(deployed.getDeploymentId()).doesNotContain(next.getId());
      // its job executor leaves the newer version's step alone
      await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
          .until(() -> management.createJobQuery().processInstanceId(onNewer).count() == 1);

      // a build that knows the version runs it
      management.registerDeploymentForJobExecutor(next.getId());
      await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery().processInstanceId(onNewer).count() == 0);
    } finally {
      repository.deleteDeployment(next.getId(), true);
    }
  }
}
