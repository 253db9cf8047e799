package io.sagashop.load;

import java.util.List;
import java.util.Set;

/** {@code ./sagashop upgrade-drill [--orders N] [--concurrency C] [--seed S]}, read and checked. */
public record UpgradeDrillArguments(int orders, int concurrency, long seed) {

  static final int DEFAULT_ORDERS = 200;
  static final int DEFAULT_CONCURRENCY = 16;

  static UpgradeDrillArguments parse(List<String> args) {
    Options options = Options.parse(args, Set.of("--orders", "--concurrency", "--seed"), "--orders N, --concurrency C and --seed S");
    return new UpgradeDrillArguments(
        // a quarter of the orders before, during and after the rollout: at least a few each
        options.between("--orders", 20, 1_000_000, DEFAULT_ORDERS),
        options.between("--concurrency", 1, 1_000, DEFAULT_CONCURRENCY),
        options.number("--seed", System.nanoTime()));
  }

  CrowdPlan plan() {
    return CrowdPlan.of(orders, concurrency, seed);
  }
}
