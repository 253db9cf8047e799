package io.sagashop.orchestrator.saga;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Assertions on a saga, read from the engine's runtime and full history: where it waits, which
 * flow nodes it passed and in what order, its variables. The shop's own because it must be the
 * same on Camunda 7 and Operaton: camunda-bpm-assert is Camunda's only, and Operaton's port is
 * not on the registry our machines reach (docs/operaton.md).
 */
final class SagaAssert extends AbstractAssert<SagaAssert, ProcessInstance> {

  private final ProcessEngine engine;

  private SagaAssert(ProcessEngine engine, ProcessInstance saga) {
    super(saga, SagaAssert.class);
    this.engine = engine;
  }

  static SagaAssert assertThat(ProcessEngine engine, ProcessInstance saga) {
    return new SagaAssert(engine, saga);
  }

  SagaAssert isStarted() {
    Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(actual.getId()).count())
        .as("saga %s started", actual.getBusinessKey())
        .isOne();
    return this;
  }

  SagaAssert isWaitingAt(String activityId) {
    Assertions.assertThat(engine.getRuntimeService().getActiveActivityIds(actual.getId()))
        .as("where saga %s waits", actual.getBusinessKey())
        .contains(activityId);
    return this;
  }

  /** The saga's one open user task may be claimed by members of the group. */
  SagaAssert hasTaskForCandidateGroup(String group) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(actual.getId()).singleResult();
    Assertions.assertThat(task).as("the open task of saga %s", actual.getBusinessKey()).isNotNull();
    Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .as("candidate groups of %s", task.getTaskDefinitionKey())
        .contains(group);
    return this;
  }

  SagaAssert isEnded() {
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(actual.getId()).count())
        .as("saga %s still running", actual.getBusinessKey())
        .isZero();
    return this;
  }

  SagaAssert hasPassed(String... activityIds) {
    Assertions.assertThat(passed()).as("flow nodes saga %s passed", actual.getBusinessKey()).contains(activityIds);
    return this;
  }

  SagaAssert hasNotPassed(String... activityIds) {
    Assertions.assertThat(passed()).as("flow nodes saga %s passed", actual.getBusinessKey()).doesNotContain(activityIds);
    return this;
  }

  /** Passed all of them, in this order (others may lie between). */
  SagaAssert hasPassedInOrder(String... activityIds) {
    Assertions.assertThat(passed()).as("flow nodes saga %s passed, in order", actual.getBusinessKey()).containsSubsequence(activityIds);
    return this;
  }

  /** Its variables as they last were, running or ended. */
  MapAssert<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable :
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(actual.getId()).list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    return Assertions.assertThat(variables).as("variables of saga %s", actual.getBusinessKey());
  }

  private List<String> passed() {
    return engine.getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(actual.getId())
        .finished()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .map(HistoricActivityInstance::getActivityId)
        .toList();
  }
}
