package io.sagashop.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.ServiceStartupContract;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class OrchestratorStartupTest extends ServiceStartupContract {

  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @Override
  protected String ownedTable() {
    return "act_re_procdef";
  }

  @Test
  void shouldDeployTheOrderSagaFromTheBpmnFolder() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("order-saga").latestVersion().singleResult())
        .isNotNull()
        .satisfies(definition -> assertThat(definition.getHistoryTimeToLive()).isNotNull());
  }

  /** Without it, confirming one deposit scanned every open task: 10 ms with 100,000 open orders (docs/performance.md). */
  @Test
  void shouldIndexTheTasksOfCamundaByTheirParent() {
    assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_task'", String.class))
        .anySatisfy(index -> assertThat(index).contains("(parent_task_id_)"));
  }

  /** Without it, every job acquisition scanned every open order's deadline timer: 10 ms with 10,000 open orders (docs/performance.md). */
  @Test
  void shouldIndexTheJobsOfCamundaByTheirDueDate() {
    assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job'", String.class))
        .anySatisfy(index -> assertThat(index).contains("(duedate_)"));
  }
}
