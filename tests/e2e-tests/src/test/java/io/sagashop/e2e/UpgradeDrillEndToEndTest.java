package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.load.UpgradeDrillArguments;
import io.sagashop.load.UpgradeDrillMain;
import io.sagashop.stack.StackSettings;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A release rolled out over open orders (issue #37, docs/runbook.md "Shipping a new version of the
 * saga"): two replicas of everything on today's build and a crowd; at half the orders each
 * orchestrator in turn is replaced by the next release (a step before delivery, a longer receipt
 * deadline, StartDelivery at schema version 2) while customers keep ordering; then the open sagas are
 * migrated as the operator's command does. Every order ends as its customer meant, none goes on on
 * the old version, those placed after take the new step, today's delivery-service reads the new
 * command, and there is no incident and no dead letter. Runs after the chaos run in its JVM, on a stack
 * of its own; the same run is {@code ./sagashop upgrade-drill}.
 */
@Tag("integration")
class UpgradeDrillEndToEndTest {

  private static final Logger log = LoggerFactory.getLogger(UpgradeDrillEndToEndTest.class);
  private static final int ORDERS = 200;
  private static final int AT_ONCE = 16;

  @Test
  void shouldEndEveryOrderWhileTheOrchestratorsAreUpgradedAndTheirOpenSagasMigrated() {
    long seed = System.nanoTime();
    log.info("Upgrade drill seed {} (again: ./sagashop upgrade-drill --orders {} --concurrency {} --seed {})", seed, ORDERS, AT_ONCE, seed);
    Path root = Path.of(System.getProperty("sagashop.root", "../..")).toAbsolutePath().normalize();
    Path data = root.resolve("tests/e2e-tests/target/upgrade-drill-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));

    UpgradeDrillMain.UpgradeReport report = UpgradeDrillMain.run(
        StackSettings.forTests(root, data).withReplicas(UpgradeDrillMain.REPLICAS),
        new UpgradeDrillArguments(ORDERS, AT_ONCE, seed),
        log::info);
    report.lines().forEach(log::info);

    assertThat(report.crowd().broken()).as("broken invariants (seed %d)", seed).isEmpty();
    assertThat(report.crowd().delivered() + report.crowd().cancelled() + report.crowd().outOfStock()).isEqualTo(ORDERS);
  }
}
