package io.sagashop.load;

import java.util.List;
import java.util.Set;

/** {@code ./sagashop chaos [--orders N] [--concurrency C] [--replicas R] [--kills K] [--seed S]}, read and checked. */
public record ChaosArguments(int orders, int concurrency, int replicas, int kills, long seed) {

  static final int DEFAULT_ORDERS = 300;
  static final int DEFAULT_CONCURRENCY = 16;
  static final int DEFAULT_REPLICAS = 2;
  static final int DEFAULT_KILLS = 12;

  static ChaosArguments parse(List<String> args) {
    Options options = Options.parse(args, Set.of("--orders", "--concurrency", "--replicas", "--kills", "--seed"),
        "--orders N, --concurrency C, --replicas R, --kills K and --seed S");
    return new ChaosArguments(
        options.between("--orders", 1, 1_000_000, DEFAULT_ORDERS),
        options.between("--concurrency", 1, 1_000, DEFAULT_CONCURRENCY),
        // One replica would leave a service with none while it is dead: the chaos needs two.
        options.between("--replicas", 2, 9, DEFAULT_REPLICAS),
        // Each kind of part once at least: a service replica, an orchestrator, Kafka, PostgreSQL.
        options.between("--kills", 4, 1_000, DEFAULT_KILLS),
        options.number("--seed", System.nanoTime()));
  }

  CrowdPlan plan() {
    return CrowdPlan.of(orders, concurrency, seed);
  }
}
