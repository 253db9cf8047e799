package io.sagashop.bench;

import io.sagashop.bench.NoOpSteps.Wait;
import io.sagashop.stack.LocalStack.DatabaseAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The orchestrator's engine without the orchestrator: Camunda 7 on the shop's PostgreSQL (a
 * database of its own), with the orchestrator's job executor settings, running the shop's process
 * model whose steps do nothing. The driver plays every other part in-process: it places orders
 * (the start message), confirms deposits (completes the seller's task), and answers delivery and
 * receipt (correlates their messages) the moment a saga waits for them. What is left is the engine's
 * own cost per saga: its transactions, jobs and history.
 */
final class BareEngine implements AutoCloseable {

  /** How many sagas closed in how long. */
  record Throughput(int sagas, Duration took, double cpuSeconds) {

    double sagasPerSecond() {
      return sagas / (took.toNanos() / 1e9);
    }

    /** CPU time of the engine, its drivers and PostgreSQL per saga. */
    double cpuMillisPerSaga() {
      return 1000 * cpuSeconds / sagas;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d sagas in %.1f s: %.1f sagas/s, %.0f ms CPU per saga", sagas, took.toMillis() / 1000.0, sagasPerSecond(),
          cpuMillisPerSaga());
    }
  }

  private static final Duration PATIENCE = Duration.ofMinutes(10);

  private final ProcessEngine engine;
  private final DoubleSupplier cpuSecondsSoFar;
  private volatile BiConsumer<String, Wait> onWait = (order, wait) -> { };

  private BareEngine(DatabaseAccess database, String name, DoubleSupplier cpuSecondsSoFar) {
    this.cpuSecondsSoFar = cpuSecondsSoFar;
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl(database.url());
    configuration.setJdbcUsername(database.user());
    configuration.setJdbcPassword(database.password());
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    // as Camunda's Spring Boot starter: random ids, where the engine's default fetches blocks of ids
    // in a second transaction (and, with every pooled connection taken, waits for itself)
    configuration.setIdGenerator(new StrongUuidGenerator());
    // as the orchestrator: full history (Camunda's Spring Boot default), its job executor's pool
    // (3 to 10 threads, a queue of 3, 3 jobs per acquisition) and lock time
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setCorePoolSize(3);
    jobExecutor.setMaxPoolSize(10);
    jobExecutor.setQueueSize(3);
    jobExecutor.setMaxJobsPerAcquisition(3);
    jobExecutor.setLockTimeInMillis(60_000);
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(true);
    configuration.setBeans(NoOpSteps.beans((order, wait) -> onWait.accept(order, wait)));
    this.engine = configuration.buildProcessEngine();
  }

  /**
   * An engine on this database; {@code cpuSecondsSoFar} reads the CPU time the machine's parts
   * (this JVM and the database's server) used so far, to count what each saga costs.
   */
  static BareEngine start(DatabaseAccess database, String name, DoubleSupplier cpuSecondsSoFar) {
    return new BareEngine(database, name, cpuSecondsSoFar);
  }

  /** Deploys this model as the newest version: the start message then starts it. */
  void deploy(BpmnModelInstance model) {
    engine.getRepositoryService().createDeployment().name("bench").addModelInstance(SagaModel.RESOURCE, model).deploy();
  }

  /** Drives this many sagas from placement to closure, as fast as the engine goes, with this many driver threads. */
  Throughput drive(String run, int sagas, int drivers) {
    ExecutorService driver = Executors.newFixedThreadPool(drivers);
    CountDownLatch closed = new CountDownLatch(sagas);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    onWait = (order, wait) -> driver.execute(() -> {
      try {
        answer(order, wait, closed);
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    });
    Instant started = Instant.now();
    double cpuBefore = cpuSecondsSoFar.getAsDouble();
    try {
      for (int i = 0; i < sagas; i++) {
        String order = run + "-" + i;
        driver.execute(() -> place(order));
      }
      awaitClosed(closed, failure, sagas);
      return new Throughput(sagas, Duration.between(started, Instant.now()), cpuSecondsSoFar.getAsDouble() - cpuBefore);
    } finally {
      onWait = (order, wait) -> { };
      driver.shutdownNow();
    }
  }

  /** Places these orders and leaves them waiting for their deposit, with this many threads. */
  void placeAndLeave(List<String> orders, int drivers) {
    ExecutorService driver = Executors.newFixedThreadPool(drivers);
    try {
      orders.forEach(order -> driver.execute(() -> place(order)));
      driver.shutdown();
      if (!driver.awaitTermination(PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
        throw new IllegalStateException("Placing " + orders.size() + " orders took longer than " + PATIENCE.toMinutes() + " minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while placing orders", e);
    } finally {
      driver.shutdownNow();
    }
  }

  ProcessEngine engine() {
    return engine;
  }

  /** What the engine's history tables take on disk now, indexes and TOAST included. */
  long historyBytes() {
    try (Connection connection = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet size = statement.executeQuery(
            "SELECT coalesce(sum(pg_total_relation_size(oid)), 0) FROM pg_class WHERE relkind = 'r' AND relname LIKE 'act\\_hi\\_%'")) {
      size.next();
      return size.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot measure the engine's history: " + e.getMessage(), e);
    }
  }

  /**
   * Adds the indexes the orchestrator adds to Camunda's tables (its {@code db/camunda/sagashop-indexes.sql}):
   * the benchmark measures the shop's engine, tuned as the shop runs it.
   */
  void addTheShopsIndexes(Path projectRoot) {
    Path script = projectRoot.resolve("orchestrator/src/main/resources/db/camunda/sagashop-indexes.sql");
    try (Connection connection = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute(Files.readString(script));
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Cannot add the indexes of " + script + ": " + e.getMessage(), e);
    }
  }

  /**
   * Brings the engine's tables to the state autovacuum keeps them in some time after many rows
   * changed: their statistics up to date (measured right after thousands of sagas were placed into
   * fresh tables, the planner still took them for empty, and the sellers' task query took 170 ms
   * instead of 2), and the dead rows of the jobs that placing them ran and deleted cleared away,
   * which a shop whose orders opened over days never carries all at once.
   */
  void vacuumAndAnalyze() {
    try (Connection connection = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      // VACUUM runs outside any transaction
      connection.setAutoCommit(true);
      statement.execute("VACUUM ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot vacuum and analyze the bare engine's database: " + e.getMessage(), e);
    }
  }

  private void place(String order) {
    engine.getRuntimeService().createMessageCorrelation("OrderPlaced").processInstanceBusinessKey(order).correlateStartMessage();
  }

  private void answer(String order, Wait wait, CountDownLatch closed) {
    switch (wait) {
      case DEPOSIT -> retried(() -> {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(order).singleResult();
        engine.getTaskService().complete(task.getId());
      });
      case DELIVERY -> retried(() -> engine.getRuntimeService().createMessageCorrelation("DeliveryStarted").processInstanceBusinessKey(order).correlate());
      case RECEIPT -> retried(() -> engine.getRuntimeService().createMessageCorrelation("ReceiptConfirmed").processInstanceBusinessKey(order).correlate());
      case CLOSED -> closed.countDown();
    }
  }

  /** A job of the same saga may still be committing: the engine's own answer is to try again. */
  private static void retried(Runnable call) {
    for (int attempt = 1; ; attempt++) {
      try {
        call.run();
        return;
      } catch (OptimisticLockingException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static void awaitClosed(CountDownLatch closed, AtomicReference<RuntimeException> failure, int sagas) {
    Instant deadline = Instant.now().plus(PATIENCE);
    try {
      while (!closed.await(1, TimeUnit.SECONDS)) {
        if (failure.get() != null) {
          throw new IllegalStateException("The driver failed: " + failure.get().getMessage(), failure.get());
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException((sagas - closed.getCount()) + " of " + sagas + " sagas closed within " + PATIENCE.toMinutes() + " minutes");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the sagas ran", e);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
