package io.sagashop.load;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.StackException;
import io.sagashop.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code ./sagashop upgrade-drill [--orders N] [--concurrency C] [--seed S]}: starts a shop of its own
 * (two replicas of everything, fresh data under {@code .sagashop/upgrade-drill}) on today's build, runs
 * the crowd on it, rolls the orchestrators over to the next release (tests/next-release) one at a
 * time while customers keep ordering, migrates the open sagas, and prints the figures and every broken
 * invariant; exits 1 when one is broken.
 */
public final class UpgradeDrillMain {

  /** Two of each, so that one serves while the other is replaced. */
  public static final int REPLICAS = 2;

  private UpgradeDrillMain() {}

  public static void main(String[] args) {
    CommandLine.run(args, UpgradeDrillArguments::parse, (arguments, settings) -> run(
        settings.withDataDirectory(settings.dataDirectory().resolve("upgrade-drill")).withReplicas(REPLICAS),
        arguments,
        CommandLine.console::info));
  }

  /** The next release's orchestrator, as tests/next-release builds it. */
  static Path nextRelease(StackSettings settings) {
    Path jar = settings.projectRoot().resolve("tests").resolve("next-release").resolve("target").resolve("next-orchestrator.jar");
    if (!Files.isRegularFile(jar)) {
      throw new StackException(jar + " is missing: build the shop first (mvn -DskipTests package).");
    }
    return jar;
  }

  /** Starts a fresh stack with these settings, runs the drill on it, and stops it. */
  public static UpgradeReport run(StackSettings settings, UpgradeDrillArguments arguments, Consumer<String> progress) {
    Path next = nextRelease(settings);
    progress.accept(String.format(Locale.ROOT, "Starting a shop for the upgrade drill: %d replicas of every service, data in %s",
        settings.replicas(), settings.dataDirectory()));
    try (LocalStack stack = LocalStack.startFresh(settings, System::getenv)) {
      ShopAddress address = ShopAddress.of(stack);
      ShopApi shop = new ShopApi(address);
      UpgradeRun run = new UpgradeRun(stack, address, shop, next, arguments.orders(), progress);
      CrowdReport crowd = Crowd.run(address, shop, arguments.plan(), progress, run);
      return new UpgradeReport(crowd, run.lines());
    }
  }

  /** The crowd's report with what the upgrade did before it, and a last line for scripts ({@code UPGRADE key=value ...}). */
  public record UpgradeReport(CrowdReport crowd, List<String> upgrade) implements CommandLine.Report {

    @Override
    public boolean holds() {
      return crowd.holds();
    }

    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>(upgrade);
      lines.addAll(crowd.lines());
      lines.add(String.format(Locale.ROOT, "UPGRADE orders=%d incidents=%d dead_letters=%d broken=%d",
          crowd.plan().orders(), crowd.incidents(), crowd.deadLetters(), crowd.broken().size()));
      return lines;
    }
  }
}
