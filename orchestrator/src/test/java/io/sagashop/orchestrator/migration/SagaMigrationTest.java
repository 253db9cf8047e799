package io.sagashop.orchestrator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.orchestrator.SagasAwaitingDeposit;
import io.sagashop.orchestrator.saga.SagaVersions;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A migration on the orchestrator as it runs: PostgreSQL, the engine's transactions and its
 * deployment-aware job executor, which runs the batch (two jobs a seed here, so that it takes several
 * rounds; the monitor looks every second). A database of its own: the move touches every open saga.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "camunda.bpm.generic-properties.properties.batch-jobs-per-seed=2",
    "camunda.bpm.generic-properties.properties.batch-poll-time=1"})
class SagaMigrationTest {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired SagaVersions versions;
  @Autowired SagaMigration migration;

  @ParameterizedTest(name = "{0} {1} as {2}: {3}")
  @CsvSource({
    "POST, /internal/saga/migrations/preview, anonymous,           401",
    "POST, /internal/saga/migrations/preview, customer,            403",
    "POST, /internal/saga/migrations/preview, seller,              403",
    "POST, /internal/saga/migrations/preview, service:saga.requests, 403",
    "POST, /internal/saga/migrations,         seller,              403",
    "POST, /internal/saga/migrations,         customer,            403",
    "GET,  /internal/saga/migrations/x,       seller,              403",
  })
  void shouldLetOperatorsAloneMigrateSagas(HttpMethod method, String path, String caller, int status) {
    TestIdentity.assertAnswer(http, method, path, caller, status);
  }

  @Test
  void shouldPreviewForAnOperatorTheVersionThisBuildDeploysAndNameAnUnknownBatch() throws IOException {
    ResponseEntity<String> preview = TestIdentity.call(http, HttpMethod.POST, "/internal/saga/migrations/preview", TestIdentity.caller("operator"));

    assertThat(preview.getStatusCode().value()).as(preview.getBody()).isEqualTo(200);
    JsonNode body = json.readTree(preview.getBody());
    assertThat(body.path("targetVersion").asInt()).isEqualTo(versions.thisBuildsVersion().getVersion());
    assertThat(body.path("targetDefinitionId").asText()).isEqualTo(versions.thisBuildsVersion().getId());

    ResponseEntity<String> unknown = TestIdentity.call(http, HttpMethod.GET, "/internal/saga/migrations/no-such-batch", TestIdentity.caller("operator"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.readTree(unknown.getBody()).path("batchId").asText()).isEqualTo("no-such-batch");
  }

  @Test
  void shouldMoveTheOpenSagasInBatchesAfterADryRunThatMovesNothing() {
    SagasAwaitingDeposit sagas = new SagasAwaitingDeposit(jdbc, runtime, tasks);
    List<UUID> orders = IntStream.range(0, 5).mapToObj(i -> sagas.place()).toList();
    Map<UUID, String> sellersTasks = orders.stream().collect(Collectors.toMap(order -> order, order -> sagas.confirmDepositOf(order).getId()));
    ProcessDefinition today = versions.thisBuildsVersion();
    ProcessDefinition next = deploy(NextSaga.withLongerReceiptDeadline(NextSaga.withStepBeforeDelivery(model(today))));

    MigrationPreview preview = migration.preview(next);

    assertThat(preview.movesAll()).as("%s", preview).isTrue();
    assertThat(preview.open()).isEqualTo(openOn(today));
    assertThat(openOn(next)).as("sagas moved by the dry run").isZero();

    MigrationStart start = migration.start(next);
    String batchId = start.batches().get(0).batchId();
    await().atMost(Duration.ofMinutes(1)).until(() -> migration.progress(batchId).map(MigrationProgress::done).orElse(false));

    assertThat(migration.progress(batchId)).hasValueSatisfying(progress -> {
      assertThat(progress.failures()).isEmpty();
      assertThat(progress.jobsDone()).isEqualTo(progress.jobs()).isGreaterThanOrEqualTo(orders.size());
    });
    assertThat(openOn(today)).isZero();
    // each seller's task is the same task, on the new version: no work of hers is lost
    for (UUID order : orders) {
      Task task = sagas.confirmDepositOf(order);
      assertThat(task.getId()).isEqualTo(sellersTasks.get(order));
      assertThat(task.getProcessDefinitionId()).isEqualTo(next.getId());
    }

    // the undo, as the older build does it after a rollback: the newer version named, its sagas moved back
    MigrationStart back = migration.start(today, OptionalInt.of(next.getVersion()));
    assertThat(back.preview().movesAll()).isTrue();
    String backId = back.batches().get(0).batchId();
    await().atMost(Duration.ofMinutes(1)).until(() -> migration.progress(backId).map(MigrationProgress::done).orElse(false));
    assertThat(openOn(next)).isZero();
    for (UUID order : orders) {
      assertThat(sagas.confirmDepositOf(order).getId()).isEqualTo(sellersTasks.get(order));
    }
  }

  @Test
  void shouldRefuseAVersionThatCannotBeOneNamingTheParameter() throws IOException {
    ResponseEntity<String> answer = TestIdentity.call(http, HttpMethod.POST, "/internal/saga/migrations/preview?from=0", TestIdentity.caller("operator"));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.readTree(answer.getBody()).path("errors").findValuesAsText("field")).containsExactly("from");
  }

  private long openOn(ProcessDefinition definition) {
    return runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
  }

  private ProcessDefinition deploy(BpmnModelInstance model) {
    String deployment = repository.createDeployment().name("order-saga of a next release").addModelInstance("order-saga.bpmn", model)
        .addClasspathResource("bpmn/confirm-deposit.form").deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }

  private BpmnModelInstance model(ProcessDefinition definition) {
    try (InputStream bpmn = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      return Bpmn.readModelFromStream(bpmn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
