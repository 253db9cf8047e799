package io.sagashop.load;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.StackException;
import io.sagashop.stack.StackPart;
import io.sagashop.stack.StackSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sagashop chaos --orders N --concurrency C --replicas R --kills K}: starts a shop of its
 * own (R replicas of everything, fresh data under {@code .sagashop/chaos}), runs the crowd on it
 * while parts are killed, and prints the kills, the figures and every broken invariant; exits 1
 * when one is broken.
 */
public final class ChaosMain {

  private static final Logger console = LoggerFactory.getLogger("sagashop");

  private ChaosMain() {}

  public static void main(String[] args) {
    ChaosArguments arguments;
    try {
      arguments = ChaosArguments.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      console.error(e.getMessage());
      System.exit(2);
      return;
    }
    Path root = Path.of(System.getProperty("sagashop.root", ".")).toAbsolutePath().normalize();
    ChaosReport report;
    try {
      StackSettings settings = StackSettings.fromEnvironment(root, System::getenv);
      settings = settings.withDataDirectory(settings.dataDirectory().resolve("chaos")).withReplicas(arguments.replicas());
      report = run(settings, arguments, console::info);
    } catch (StackException | IllegalStateException e) {
      console.error(e.getMessage());
      System.exit(1);
      return;
    }
    report.lines().forEach(console::info);
    System.exit(report.holds() ? 0 : 1);
  }

  /** Starts a fresh stack with these settings, runs the chaos on it, and stops it. */
  public static ChaosReport run(StackSettings settings, ChaosArguments arguments, Consumer<String> progress) {
    progress.accept(String.format(Locale.ROOT, "Starting a shop for the chaos run: %d replicas of every service, data in %s",
        settings.replicas(), settings.dataDirectory()));
    try (LocalStack stack = LocalStack.startFresh(settings, System::getenv)) {
      ShopAddress address = ShopAddress.of(stack);
      try (Chaos chaos = Chaos.start(stack, arguments.seed(), progress)) {
        ChaosRun run = new ChaosRun(stack, address, chaos, arguments.orders(), arguments.kills(), progress);
        CrowdReport crowd = Crowd.run(address, arguments.plan(), progress, run);
        return new ChaosReport(crowd, settings.replicas(), run.kills());
      }
    }
  }

  /** The crowd's report with the kills before it and a last line for scripts ({@code CHAOS key=value ...}). */
  public record ChaosReport(CrowdReport crowd, int replicas, List<Chaos.Kill> kills) {

    public boolean holds() {
      return crowd.holds();
    }

    /** Each kind of part killed at least once: a service replica, an orchestrator, Kafka, PostgreSQL. */
    public Set<StackPart.Kind> killedKinds() {
      return Chaos.kindsOf(kills);
    }

    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("Kills (SIGKILL, then a start a few seconds later):");
      kills.forEach(kill -> lines.add("  - " + kill));
      lines.addAll(crowd.lines());
      lines.add(String.format(Locale.ROOT, "CHAOS orders=%d replicas=%d kills=%d kinds=%d incidents=%d dead_letters=%d broken=%d",
          crowd.plan().orders(), replicas, kills.size(), Chaos.kindsOf(kills).size(), crowd.incidents(), crowd.deadLetters(), crowd.broken().size()));
      return lines;
    }
  }
}
