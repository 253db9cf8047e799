package io.sagashop.bench;

import io.sagashop.load.CommandLine;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * {@code ./sagashop bench}: starts a shop of its own (fresh data under {@code .sagashop/bench}) and
 * measures on this machine (docs/performance.md): the whole shop under a rising arrival rate until
 * it breaks, then, with the services stopped, the bare engine on the same PostgreSQL with and
 * without the asynchronous continuations, and the engine's queries with few and with many open
 * sagas. Writes the plot of latency against arrival rate and ends with one line of figures,
 * {@code BENCH key=value ...}; exits 1 if the crowd's invariants broke at any rate.
 */
public final class BenchMain {

  private static final int WARM_UP_SAGAS = 200;
  private static final int DRIVERS = 4;

  private BenchMain() {}

  public static void main(String[] args) {
    CommandLine.run(args, BenchArguments::parse, (arguments, settings) ->
        run(settings.withDataDirectory(settings.dataDirectory().resolve("bench")), arguments, CommandLine.console::info));
  }

  static BenchReport run(StackSettings settings, BenchArguments arguments, Consumer<String> progress) {
    progress.accept("Starting a shop for the benchmark, data in " + settings.dataDirectory());
    Path recordings = settings.dataDirectory().resolve("recordings");
    try (LocalStack stack = LocalStack.startFresh(settings.withMoreJvmOptions(Profiles.recordingInto(recordings)), System::getenv)) {
      List<ShopRamp.Stage> stages = new ShopRamp(stack, Duration.ofSeconds(arguments.stageSeconds()), arguments.highestRate(),
          arguments.seed(), progress).run();
      Path plot = LatencyPlot.write(stages, settings.dataDirectory().resolve("latency-by-arrival-rate.png"));
      progress.accept("Plot of latency against arrival rate: " + plot);

      // the bare engine alone on the same PostgreSQL: the services would only add their pollers' noise
      for (ShopService service : ShopService.values()) {
        stack.stop(service);
      }
      // stopped, the services have written their recordings; the first rate, still warming up, is left out as it is from CPU per order
      List<Profiles.Profile> profiles = Profiles.read(recordings, stages.get(Math.min(1, stages.size() - 1)).began(), stages.get(stages.size() - 1).ended());
      return new BenchReport(stages, plot, bareEngine(stack, settings, arguments, progress), profiles);
    }
  }

  private static BenchReport.BareFigures bareEngine(LocalStack stack, StackSettings settings, BenchArguments arguments, Consumer<String> progress) {
    try (BareEngine bare = BareEngine.start(stack.databaseOfItsOwn("bench_engine"), "bench",
        () -> StackResources.read(settings.postgresDirectory()).totalCpuSeconds())) {
      String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      bare.addTheShopsIndexes(settings.projectRoot());

      BpmnModelInstance model = SagaModel.asModelled(settings.projectRoot());
      bare.deploy(model);
      progress.accept(String.format(Locale.ROOT, "Bare engine, as modelled (%d async continuations): warming up ...",
          SagaModel.asyncContinuations(model)));
      bare.drive(run + "-warm", WARM_UP_SAGAS, DRIVERS);
      long historyBefore = bare.historyBytes();
      BareEngine.Throughput asModelled = bare.drive(run + "-async", arguments.sagas(), DRIVERS);
      long historyPerSaga = (bare.historyBytes() - historyBefore) / arguments.sagas();
      progress.accept("  " + asModelled + "; history per closed order: " + historyPerSaga / 1024 + " KiB");

      bare.deploy(SagaModel.withoutAsyncContinuations(settings.projectRoot()));
      progress.accept("Bare engine, every step in the transaction that reached it: warming up ...");
      bare.drive(run + "-sync-warm", WARM_UP_SAGAS, DRIVERS);
      BareEngine.Throughput synchronous = bare.drive(run + "-sync", arguments.sagas(), DRIVERS);
      progress.accept("  " + synchronous);

      OpenOrders open = new OpenOrders(bare, run, DRIVERS, arguments.seed());
      OpenOrders.Latencies few = open.at(BenchArguments.FEW_OPEN, arguments.samples(), progress);
      progress.accept("  " + few);
      OpenOrders.Latencies many = open.at(arguments.open(), arguments.samples(), progress);
      progress.accept("  " + many);

      return new BenchReport.BareFigures(asModelled, historyPerSaga, synchronous, few, many);
    }
  }
}
