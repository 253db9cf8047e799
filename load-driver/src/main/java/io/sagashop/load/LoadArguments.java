package io.sagashop.load;

import java.util.List;

/** {@code ./sagashop load [--orders N] [--concurrency C] [--seed S]}, read and checked. */
record LoadArguments(int orders, int concurrency, long seed) {

  static final int DEFAULT_ORDERS = 200;
  static final int DEFAULT_CONCURRENCY = 16;

  static LoadArguments parse(List<String> args) {
    int orders = DEFAULT_ORDERS;
    int concurrency = DEFAULT_CONCURRENCY;
    long seed = System.nanoTime();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value, e.g. " + option + " 100");
      }
      String value = args.get(++i);
      switch (option) {
        case "--orders" -> orders = positive(option, value);
        case "--concurrency" -> concurrency = positive(option, value);
        case "--seed" -> seed = number(option, value);
        default -> throw new IllegalArgumentException("Unknown option " + option + "; the options are --orders N, --concurrency C and --seed S");
      }
    }
    return new LoadArguments(orders, concurrency, seed);
  }

  CrowdPlan plan() {
    return CrowdPlan.of(orders, concurrency, seed);
  }

  private static int positive(String option, String value) {
    long number = number(option, value);
    if (number < 1 || number > 1_000_000) {
      throw new IllegalArgumentException(option + " must be between 1 and 1000000, but is " + value);
    }
    return (int) number;
  }

  private static long number(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, but is '" + value + "'");
    }
  }
}
