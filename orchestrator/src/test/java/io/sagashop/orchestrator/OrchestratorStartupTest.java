package io.sagashop.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.ServiceStartupContract;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrchestratorStartupTest extends ServiceStartupContract {

  @Autowired RepositoryService repository;

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
}
