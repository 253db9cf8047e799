package io.sagashop.load;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.StackPart;
import io.sagashop.stack.StackSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code ./sagashop chaos --orders N --concurrency C --replicas R --kills K}: starts a shop of its
 * own (R replicas of everything, fresh data under {@code .sagashop/chaos}), runs the crowd on it
 * while parts are killed, and prints the kills, the figures and every broken invariant; exits 1
 * when one is broken.
 */
public final class ChaosMain {

  private ChaosMain() {}

  public static void main(String[] args) {
    CommandLine.run(args, ChaosArguments::parse, (arguments, settings) -> run(
        settings.withDataDirectory(settings.dataDirectory().resolve("chaos")).withReplicas(arguments.replicas()),
        arguments,
        CommandLine.console::info));
  }

  /** Starts a fresh stack with these settings, runs the chaos on it, and stops it. */
  public static ChaosReport run(StackSettings settings, ChaosArguments arguments, Consumer<String> progress) {
    progress.accept(String.format(Locale.ROOT, "Starting a shop for the chaos run: %d replicas of every service, data in %s",
        settings.replicas(), settings.dataDirectory()));
    try (LocalStack stack = LocalStack.startFresh(settings, System::getenv)) {
      ShopAddress address = ShopAddress.of(stack);
      try (Chaos chaos = Chaos.prepare(stack, arguments.seed(), progress)) {
        // One client for the crowd and the checks: an order is read back by the customer who placed it.
        ShopApi shop = new ShopApi(address);
        ChaosRun run = new ChaosRun(stack, address, shop, chaos, arguments.orders(), arguments.kills(), progress);
        CrowdReport crowd = Crowd.run(address, shop, arguments.plan(), progress, run);
        return new ChaosReport(crowd, settings.replicas(), run.faults());
      }
    }
  }

  /** The crowd's report with the faults before it and a last line for scripts ({@code CHAOS key=value ...}). */
  public record ChaosReport(CrowdReport crowd, int replicas, List<Chaos.Fault> faults) implements CommandLine.Report {

    @Override
    public boolean holds() {
      return crowd.holds();
    }

    /** Each kind of part killed at least once: a service replica, an orchestrator, Kafka, PostgreSQL. */
    public Set<StackPart.Kind> killedKinds() {
      return Chaos.kindsOf(faults, Chaos.How.KILLED);
    }

    public long kills() {
      return Chaos.count(faults, Chaos.How.KILLED);
    }

    /** An orchestrator and a service, each paused past its job lock or Kafka session. */
    public Set<StackPart.Kind> pausedKinds() {
      return Chaos.kindsOf(faults, Chaos.How.PAUSED);
    }

    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("Faults (SIGKILL, then a start a few seconds later; or SIGSTOP, then SIGCONT):");
      faults.forEach(fault -> lines.add("  - " + fault));
      lines.addAll(crowd.lines());
      lines.add(String.format(Locale.ROOT, "CHAOS orders=%d replicas=%d kills=%d kinds=%d pauses=%d incidents=%d dead_letters=%d broken=%d",
          crowd.plan().orders(), replicas, kills(), killedKinds().size(), Chaos.count(faults, Chaos.How.PAUSED), crowd.incidents(),
          crowd.deadLetters(), crowd.broken().size()));
      return lines;
    }
  }
}
