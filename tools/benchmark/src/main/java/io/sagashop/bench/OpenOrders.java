package io.sagashop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * How the engine's calls that touch one order scale with the orders still open: the sellers'
 * Tasklist (their first page of deposits to confirm, and one order's task as the seller looks it up)
 * a message correlated to one order, and the job executor's look for due jobs (every open saga
 * keeps its deposit deadline's timer among them), measured with a given number of sagas waiting for
 * their deposit, one call at a time.
 */
final class OpenOrders {

  /** The latencies measured with this many sagas open. */
  record Latencies(int open, Percentiles correlation, Percentiles taskOfOrder, Percentiles sellersFirstPage, Percentiles jobAcquisition) {

    Latencies(int open) {
      this(open, new Percentiles(), new Percentiles(), new Percentiles(), new Percentiles());
    }

    /** The slowest of the four at the median. */
    double worstMedianMillis() {
      return Math.max(Math.max(correlation.millis(50), jobAcquisition.millis(50)), Math.max(taskOfOrder.millis(50), sellersFirstPage.millis(50)));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d open sagas: correlation %s; task of an order %s; sellers' first page %s; job acquisition %s",
          open, correlation, taskOfOrder, sellersFirstPage, jobAcquisition);
    }
  }

  private static final int WARM_UP = 50;
  /** As the orchestrator's job executor: 3 jobs per acquisition. */
  private static final int ACQUIRED_AT_ONCE = 3;

  private final BareEngine bare;
  private final ProcessEngine engine;
  private final String run;
  private final int drivers;
  private final Random random;
  private final List<String> open = new ArrayList<>();
  private int placed;

  OpenOrders(BareEngine bare, String run, int drivers, long seed) {
    this.bare = bare;
    this.engine = bare.engine();
    this.run = run;
    this.drivers = drivers;
    this.random = new Random(seed);
  }

  /** Places orders until this many are open (plus those the correlations will cancel), then measures. */
  Latencies at(int size, int samples, Consumer<String> progress) {
    List<String> more = new ArrayList<>();
    while (open.size() + more.size() < size + samples) {
      more.add(run + "-open-" + placed++);
    }
    progress.accept(String.format(Locale.ROOT, "Placing %,d more orders, to have %,d open ...", more.size(), size));
    bare.placeAndLeave(more, drivers);
    open.addAll(more);
    bare.vacuumAndAnalyze();
    if (placed == more.size()) {
      for (int i = 0; i < WARM_UP; i++) {
        taskOfOrder();
        sellersFirstPage();
        jobAcquisition();
      }
    }
    Latencies latencies = new Latencies(size);
    for (int i = 0; i < samples; i++) {
      timed(latencies.jobAcquisition(), this::jobAcquisition);
      timed(latencies.taskOfOrder(), this::taskOfOrder);
      timed(latencies.sellersFirstPage(), this::sellersFirstPage);
      String order = open.remove(random.nextInt(open.size()));
      timed(latencies.correlation(), () -> engine.getRuntimeService()
          .createMessageCorrelation("CancellationRequested").processInstanceBusinessKey(order).correlateWithResult());
    }
    return latencies;
  }

  /** What Tasklist asks when the seller looks an order up by its id (the business key). */
  private Object taskOfOrder() {
    String order = open.get(random.nextInt(open.size()));
    return engine.getTaskService().createTaskQuery().taskCandidateGroup("sellers").processInstanceBusinessKey(order).list();
  }

  /**
   * What the job executor asks at each acquisition, with the engine's own query and settings: the
   * next jobs that are due (only reads; the executor would lock what it finds next).
   */
  private Object jobAcquisition() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, ACQUIRED_AT_ONCE)));
  }

  /** What Tasklist asks for the sellers' filter: their newest tasks, a page of 15. */
  private Object sellersFirstPage() {
    return engine.getTaskService().createTaskQuery().taskCandidateGroup("sellers").orderByTaskCreateTime().desc().listPage(0, 15);
  }

  private static void timed(Percentiles latencies, Supplier<?> call) {
    long started = System.nanoTime();
    call.get();
    latencies.record(Duration.ofNanos(System.nanoTime() - started));
  }
}
