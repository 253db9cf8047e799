package io.sagashop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.stack.LocalStack.DatabaseAccess;
import io.sagashop.testsupport.TestPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's bare engine measures what it says: on a real PostgreSQL, every saga it drives
 * runs the shop's model from placement to closure (as modelled, and without async continuations),
 * and the open-saga measurement leaves the orders it did not cancel waiting for their deposit.
 */
@Tag("integration")
class BareEngineTest {

  private static final Path ROOT = Path.of("..", "..");
  private static BareEngine bare;

  @BeforeAll
  static void startEngine() {
    bare = BareEngine.start(new DatabaseAccess(TestPostgres.newDatabase("bench"), "postgres", ""), "bench-test",
        () -> ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1e9);
    bare.addTheShopsIndexes(ROOT);
  }

  @AfterAll
  static void stopEngine() {
    bare.close();
  }

  @Test
  void shouldDriveEverySagaFromPlacementToClosureWithAndWithoutAsyncContinuations() {
    HistoryService history = bare.engine().getHistoryService();
    long closedBefore = history.createHistoricActivityInstanceQuery().activityId("EndEvent_OrderClosed").count();

    bare.deploy(SagaModel.asModelled(ROOT));
    long historyBefore = bare.historyBytes();
    BareEngine.Throughput asModelled = bare.drive("closing-async", 20, 4);
    assertThat(bare.historyBytes()).as("the closed sagas' history takes room").isGreaterThan(historyBefore);
    bare.deploy(SagaModel.withoutAsyncContinuations(ROOT));
    BareEngine.Throughput synchronous = bare.drive("closing-sync", 20, 4);

    assertThat(asModelled.sagas()).isEqualTo(20);
    assertThat(synchronous.sagas()).isEqualTo(20);
    assertThat(asModelled.sagasPerSecond()).isPositive();
    assertThat(asModelled.cpuMillisPerSaga()).as("driving sagas takes CPU time, counted per saga").isPositive();
    assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_OrderClosed").count()).isEqualTo(closedBefore + 40);
    assertThat(history.createHistoricActivityInstanceQuery().activityId("Task_RecordDeposit").count()).isGreaterThanOrEqualTo(40);
    assertThat(bare.engine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike("closing-%").count()).isZero();
  }

  @Test
  void shouldTuneTheEngineAsTheOrchestratorDoes() throws Exception {
    try (Connection connection = ((ProcessEngineConfigurationImpl) bare.engine().getProcessEngineConfiguration()).getDataSource().getConnection();
        ResultSet indexes = connection.createStatement().executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_task'")) {
      List<String> names = new ArrayList<>();
      while (indexes.next()) {
        names.add(indexes.getString(1));
      }
      assertThat(names).contains("sagashop_idx_task_parent");
    }
  }

  @Test
  void shouldStripEveryAsyncContinuationAndOnlyThose() {
    assertThat(SagaModel.asyncContinuations(SagaModel.asModelled(ROOT))).isEqualTo(11);
    assertThat(SagaModel.asyncContinuations(SagaModel.withoutAsyncContinuations(ROOT))).isZero();
  }

  @Test
  void shouldMeasureWithTheOpenSagasWaitingForTheirDeposit() {
    bare.deploy(SagaModel.withoutAsyncContinuations(ROOT));
    OpenOrders open = new OpenOrders(bare, "waiting", 4, 42);

    OpenOrders.Latencies latencies = open.at(30, 5, line -> { });

    assertThat(latencies.open()).isEqualTo(30);
    assertThat(latencies.correlation().count()).isEqualTo(5);
    assertThat(latencies.taskOfOrder().count()).isEqualTo(5);
    assertThat(latencies.sellersFirstPage().count()).isEqualTo(5);
    assertThat(latencies.jobAcquisition().count()).isEqualTo(5);
    assertThat(bare.engine().getTaskService().createTaskQuery().taskCandidateGroup("sellers").processInstanceBusinessKeyLike("waiting-%").count())
        .isEqualTo(30);
    assertThat(bare.engine().getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_OrderCancelled").count())
        .isEqualTo(5);
  }
}
