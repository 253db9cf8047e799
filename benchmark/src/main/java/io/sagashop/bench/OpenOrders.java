package io.sagashop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * How the engine's calls that touch one order scale with the orders still open: the sellers'
 * Tasklist (their first page of deposits to confirm, and one order's task as the seller looks it up)
 * and a message correlated to one order, measured with a given number of sagas waiting for their
 * deposit, one call at a time.
 */
final class OpenOrders {

  /** The latencies measured with this many sagas open. */
  record Latencies(int open, Percentiles correlation, Percentiles taskOfOrder, Percentiles sellersFirstPage) {

    /** The slowest of the three at the median. */
    double worstMedianMillis() {
      return Math.max(correlation.millis(50), Math.max(taskOfOrder.millis(50), sellersFirstPage.millis(50)));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d open sagas: correlation %s; task of an order %s; sellers' first page %s",
          open, correlation, taskOfOrder, sellersFirstPage);
    }
  }

  private static final int WARM_UP = 50;

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
    bare.analyze();
    if (placed == more.size()) {
      for (int i = 0; i < WARM_UP; i++) {
        taskOfOrder();
        sellersFirstPage();
      }
    }
    Latencies latencies = new Latencies(size, new Percentiles(), new Percentiles(), new Percentiles());
    for (int i = 0; i < samples; i++) {
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
