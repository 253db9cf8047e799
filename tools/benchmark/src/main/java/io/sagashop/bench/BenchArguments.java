package io.sagashop.bench;

import io.sagashop.load.Options;
import java.util.List;
import java.util.Set;

/**
 * {@code ./sagashop bench [--stage-seconds T] [--highest-rate R] [--sagas N] [--open N] [--samples N] [--seed S]}, read and checked.
 *
 * @param stageSeconds how long customers arrive at each rate of the whole-shop run
 * @param highestRate the arrival rate (orders/s) the whole-shop run stops at if the shop keeps up
 * @param sagas sagas driven through the bare engine in each of its runs (with and without async continuations)
 * @param open the most open sagas the engine's queries are measured with (and with 1,000)
 * @param samples calls of each kind measured at each number of open sagas
 */
record BenchArguments(int stageSeconds, int highestRate, int sagas, int open, int samples, long seed) {

  static final int FEW_OPEN = 1_000;

  static BenchArguments parse(List<String> args) {
    Options options = Options.parse(args, Set.of("--stage-seconds", "--highest-rate", "--sagas", "--open", "--samples", "--seed"),
        "--stage-seconds T, --highest-rate R, --sagas N, --open N, --samples N and --seed S");
    return new BenchArguments(
        options.between("--stage-seconds", 10, 3_600, 30),
        options.between("--highest-rate", 1, 10_000, 40),
        options.between("--sagas", 100, 1_000_000, 2_000),
        options.between("--open", FEW_OPEN, 10_000_000, 100_000),
        options.between("--samples", 10, 100_000, 200),
        options.number("--seed", System.nanoTime()));
  }
}
