package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.load.Crowd;
import io.sagashop.load.CrowdPlan;
import io.sagashop.load.CrowdReport;
import io.sagashop.load.ShopAddress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N5, the shop as it lives: many customers and sellers at once, orders cancelled early and late,
 * sold out, delivered and received, placements refused by the admission limit and sent again; at
 * the end every order is where its customer meant it to be and stock, money, deliveries, sagas and
 * dead-letter topics add up. The same driver runs as {@code ./sagashop load}.
 */
@Tag("integration")
class CrowdEndToEndTest {

  private static final Logger log = LoggerFactory.getLogger(CrowdEndToEndTest.class);
  private static final int ORDERS = 200;
  private static final int AT_ONCE = 16;

  @Test
  void shouldBringACrowdsOrdersToTheEndItsCustomersMeantWithStockMoneyAndSagasAddingUp() {
    long seed = System.nanoTime();
    log.info("Crowd seed {} (again: ./sagashop load --orders {} --concurrency {} --seed {})", seed, ORDERS, AT_ONCE, seed);

    CrowdReport report = Crowd.run(ShopAddress.of(ShopStack.get()), CrowdPlan.of(ORDERS, AT_ONCE, seed), log::info);
    report.lines().forEach(log::info);

    assertThat(report.broken()).as("broken invariants (seed %d)", seed).isEmpty();
    assertThat(report.delivered() + report.cancelled() + report.outOfStock()).isEqualTo(ORDERS);
    assertThat(report.deadLetters()).isZero();
  }
}
