package io.sagashop.load;

import java.util.List;
import java.util.Set;

/** {@code ./sagashop load [--orders N] [--concurrency C] [--seed S]}, read and checked. */
record LoadArguments(int orders, int concurrency, long seed) {

  static final int DEFAULT_ORDERS = 200;
  static final int DEFAULT_CONCURRENCY = 16;

  static LoadArguments parse(List<String> args) {
    Options options = Options.parse(args, Set.of("--orders", "--concurrency", "--seed"), "--orders N, --concurrency C and --seed S");
    return new LoadArguments(
        options.between("--orders", 1, 1_000_000, DEFAULT_ORDERS),
        options.between("--concurrency", 1, 1_000_000, DEFAULT_CONCURRENCY),
        options.number("--seed", System.nanoTime()));
  }

  CrowdPlan plan() {
    return CrowdPlan.of(orders, concurrency, seed);
  }
}
