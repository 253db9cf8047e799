package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.load.ChaosArguments;
import io.sagashop.load.ChaosMain;
import io.sagashop.stack.StackPart;
import io.sagashop.stack.StackSettings;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N4 and N5 together, the way a shop lives in production: two replicas of every service and of the
 * orchestrator, a crowd of customers and sellers, and every few seconds a part killed with SIGKILL
 * (a service replica, an orchestrator, the Kafka broker, PostgreSQL) and started again. At the end
 * nothing is lost, doubled or stuck: the crowd's invariants, no incident that one retry does not
 * resolve, empty outboxes, the view equal to each order's sources and to its own rebuild, and a
 * poison record in its dead-letter topic. Runs in a JVM of its own (see the pom), on a stack of its
 * own; the same run is {@code ./sagashop chaos}.
 */
@Tag("integration")
class ChaosEndToEndTest {

  private static final Logger log = LoggerFactory.getLogger(ChaosEndToEndTest.class);
  private static final int ORDERS = 300;
  private static final int AT_ONCE = 16;
  private static final int REPLICAS = 2;
  private static final int KILLS = 10;

  @Test
  void shouldLoseDoubleOrStrandNoOrderWhileRandomPartsOfTheShopAreKilledOrPaused() {
    long seed = System.nanoTime();
    log.info("Chaos seed {} (again: ./sagashop chaos --orders {} --concurrency {} --replicas {} --kills {} --seed {})",
        seed, ORDERS, AT_ONCE, REPLICAS, KILLS, seed);
    Path root = Path.of(System.getProperty("sagashop.root", "../..")).toAbsolutePath().normalize();
    Path data = root.resolve("tests/e2e-tests/target/chaos-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));

    ChaosMain.ChaosReport report = ChaosMain.run(
        StackSettings.forTests(root, data).withReplicas(REPLICAS),
        new ChaosArguments(ORDERS, AT_ONCE, REPLICAS, KILLS, seed),
        log::info);
    report.lines().forEach(log::info);

    assertThat(report.crowd().broken()).as("broken invariants (seed %d)", seed).isEmpty();
    assertThat(report.kills()).isGreaterThanOrEqualTo(KILLS);
    assertThat(report.killedKinds()).containsExactlyInAnyOrder(StackPart.Kind.values());
    assertThat(report.pausedKinds()).containsExactlyInAnyOrder(StackPart.Kind.ORCHESTRATOR, StackPart.Kind.SERVICE);
    assertThat(report.crowd().delivered() + report.crowd().cancelled() + report.crowd().outOfStock()).isEqualTo(ORDERS);
  }
}
