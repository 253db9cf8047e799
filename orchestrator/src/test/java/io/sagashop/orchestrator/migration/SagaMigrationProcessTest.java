package io.sagashop.orchestrator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.orchestrator.saga.SagaMessage;
import io.sagashop.orchestrator.saga.SagaPaths;
import io.sagashop.orchestrator.saga.TodaysSteps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Open sagas of the first release moved to a changed saga, as an operator's migration does: the next
 * version here has a new step before delivery and a longer receipt deadline (docs/saga.md, "When the
 * saga changes"). A saga waits in every state the every-version walk finds; each must move, and then
 * end on the new version.
 */
class SagaMigrationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().configurationResource("order-saga-process-test.cfg.xml").build();

  private static final String RELEASE_1 = "bpmn/released/1/";
  private static final ThreadLocal<String> NEXT_ERROR = new ThreadLocal<>();

  private final List<String> deployments = new ArrayList<>();
  private final List<String> newStepRanFor = new ArrayList<>();

  @BeforeEach
  void registerSteps() {
    TodaysSteps.register(NEXT_ERROR);
    Mocks.register(NextSaga.NEW_STEP_BEAN, (JavaDelegate) execution -> newStepRanFor.add(execution.getProcessInstanceId()));
  }

  @AfterEach
  void removeTheVersions() {
    deployments.forEach(id -> engine.getProcessEngine().getRepositoryService().deleteDeployment(id, true));
    Mocks.reset();
  }

  @Test
  void shouldMoveASagaWaitingInEveryStateToTheChangedSagaWhereItEnds() {
    ProcessEngine processEngine = engine.getProcessEngine();
    ProcessDefinition first = deploy(RELEASE_1 + "order-saga.bpmn", model(RELEASE_1 + "order-saga.bpmn"));
    SagaPaths onFirst = new SagaPaths(processEngine, model(RELEASE_1 + "order-saga.bpmn"), messages(), NEXT_ERROR::set);
    assertThat(onFirst.walk()).isEmpty();
    List<String> open = onFirst.waits().stream().map(onFirst::open).toList();
    BpmnModelInstance changed = NextSaga.withLongerReceiptDeadline(NextSaga.withStepBeforeDelivery(model(RELEASE_1 + "order-saga.bpmn")));
    ProcessDefinition next = deploy("order-saga.bpmn", changed);
    SagaMigration migration = new SagaMigration(processEngine, SagaMigrationInstructions.NONE);

    MigrationPreview preview = migration.preview(next);

    assertThat(preview.versions()).singleElement().satisfies(version -> {
      assertThat(version.version()).isEqualTo(first.getVersion());
      assertThat(version.planFailures()).isEmpty();
      assertThat(version.cannotMove()).isEmpty();
    });
    assertThat(preview.open()).isEqualTo(open.size());
    assertThat(preview.movesAll()).isTrue();
    // the dry run moved nothing
    assertThat(sagasOf(next)).isZero();

    MigrationStart start = migration.start(next);
    assertThat(start.batches()).singleElement().satisfies(batch -> assertThat(batch.sagas()).isEqualTo(open.size()));
    String batchId = start.batches().get(0).batchId();
    assertThat(migration.progress(batchId)).hasValueSatisfying(progress -> assertThat(progress.done()).isFalse());
    runBatch(batchId);

    assertThat(migration.progress(batchId)).hasValueSatisfying(progress -> {
      assertThat(progress.done()).isTrue();
      assertThat(progress.failures()).isEmpty();
    });
    assertThat(sagasOf(next)).isEqualTo(open.size());
    assertThat(sagasOf(first)).isZero();
    // the changed deadline applies to the sagas that wait for their receipt
    List<Job> receiptDeadlines = processEngine.getManagementService().createJobQuery().activityId("Event_ReceiptDeadline").list();
    assertThat(receiptDeadlines).isNotEmpty().allSatisfy(timer ->
        assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(20))));

    SagaPaths onNext = new SagaPaths(processEngine, changed, messages(), NEXT_ERROR::set);
    open.forEach(onNext::finish);
    // the sagas that had not yet asked for delivery took the new step on their way
    assertThat(newStepRanFor).isNotEmpty().doesNotHaveDuplicates();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void shouldNameTheSagasItCannotMoveAndMoveThemOnceTheReleaseMapsTheirActivity() {
    ProcessEngine processEngine = engine.getProcessEngine();
    ProcessDefinition first = deploy(RELEASE_1 + "order-saga.bpmn", model(RELEASE_1 + "order-saga.bpmn"));
    SagaPaths onFirst = new SagaPaths(processEngine, model(RELEASE_1 + "order-saga.bpmn"), messages(), NEXT_ERROR::set);
    String atSellersTask = onFirst.open(List.of(new SagaPaths.Choice("job", "Task_RequestBankTransfer", null)));
    String placed = onFirst.open(List.of());
    String orderAtSellersTask = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(atSellersTask).singleResult().getBusinessKey();
    // the next version renames the seller's task
    BpmnModelInstance renamed = model(RELEASE_1 + "order-saga.bpmn");
    renamed.<UserTask>getModelElementById("Task_ConfirmDeposit").setId("Task_MatchDeposit");
    ProcessDefinition next = deploy("order-saga.bpmn", renamed);

    MigrationPreview preview = new SagaMigration(processEngine, SagaMigrationInstructions.NONE).preview(next);

    assertThat(preview.movesAll()).isFalse();
    assertThat(preview.versions()).singleElement().satisfies(version -> {
      assertThat(version.open()).isEqualTo(2);
      assertThat(version.movable()).isOne();
      assertThat(version.cannotMove()).singleElement().satisfies(unmovable -> {
        assertThat(unmovable.sagaId()).isEqualTo(atSellersTask);
        assertThat(unmovable.orderId()).isEqualTo(orderAtSellersTask);
        assertThat(unmovable.reasons()).anySatisfy(reason -> assertThat(reason).contains("Task_ConfirmDeposit"));
      });
    });

    // the migration moves the one it can and leaves the other on its version, still waiting for the seller
    MigrationStart start = new SagaMigration(processEngine, SagaMigrationInstructions.NONE).start(next);
    runBatch(start.batches().get(0).batchId());
    assertThat(definitionOf(placed)).isEqualTo(next.getId());
    assertThat(definitionOf(atSellersTask)).isEqualTo(first.getId());

    // the release maps its renamed task: the seller's task moves, with its form
    SagaMigrationInstructions mapped = plan -> plan.mapActivities("Task_ConfirmDeposit", "Task_MatchDeposit");
    SagaMigration migration = new SagaMigration(processEngine, mapped);
    assertThat(migration.preview(next).movesAll()).isTrue();
    runBatch(migration.start(next).batches().get(0).batchId());
    assertThat(definitionOf(atSellersTask)).isEqualTo(next.getId());
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(atSellersTask).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_MatchDeposit");
  }

  /** Runs the batch's jobs as the job executor would: its seed, the migration jobs, its monitor. */
  private void runBatch(String batchId) {
    ManagementService management = engine.getProcessEngine().getManagementService();
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (int round = 0; round < 100 && management.createBatchQuery().batchId(batchId).count() > 0; round++) {
      for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
        management.createJobQuery().jobDefinitionId(definition).list().forEach(job -> management.executeJob(job.getId()));
      }
    }
    assertThat(management.createBatchQuery().batchId(batchId).count()).as("batch %s ended", batchId).isZero();
  }

  private ProcessDefinition deploy(String name, BpmnModelInstance model) {
    ProcessEngine processEngine = engine.getProcessEngine();
    String deployment = processEngine.getRepositoryService().createDeployment().name("order-saga " + deployments.size())
        .addModelInstance(name.substring(name.lastIndexOf('/') + 1), model)
        .addClasspathResource(RELEASE_1 + "confirm-deposit.form")
        .deploy().getId();
    deployments.add(deployment);
    return processEngine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }

  private long sagasOf(ProcessDefinition definition) {
    return engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
  }

  private String definitionOf(String saga) {
    return engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().processInstanceId(saga).singleResult().getProcessDefinitionId();
  }

  private static Set<String> messages() {
    return Arrays.stream(SagaMessage.values()).map(Enum::name).collect(Collectors.toSet());
  }

  private static BpmnModelInstance model(String resource) {
    try (InputStream bpmn = SagaMigrationProcessTest.class.getClassLoader().getResourceAsStream(resource)) {
      return Bpmn.readModelFromStream(bpmn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
