package io.sagashop.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How big the crowd is and what its customers do: {@code orders} orders, {@code concurrency} of
 * them under way at once, 10% cancelled by their customer (half of those before the bank details
 * arrive), 5% for a sold-out product, the rest delivered and received. The same seed gives the same
 * orders. With an arrival rate, customers come at that rate whatever the shop does (an open loop,
 * as a shop's customers do), at most {@code concurrency} under way at once.
 *
 * @param stepTimeout how long a customer waits for the next step of their order before calling it stuck
 * @param arrivalsPerSecond how many customers place an order each second; 0: a new one as soon as one is done
 * @param lookAgain how often a waiting customer looks at their order again
 */
public record CrowdPlan(int orders, int concurrency, long seed, Duration stepTimeout, double arrivalsPerSecond, Duration lookAgain) {

  /** A test's crowd looks often, so that it ends soon after the shop is done. */
  static final Duration LOOK_OFTEN = Duration.ofMillis(300);
  /** As the shop's page does: the customers of an open loop load the shop as real ones would. */
  static final Duration LOOK_AS_THE_PAGE_DOES = Duration.ofSeconds(2);

  static final double CANCELLED_SHARE = 0.10;
  static final double OUT_OF_STOCK_SHARE = 0.05;
  static final int MAX_QUANTITY = 3;
  /** Customers come back: a crowd of N orders has about N/4 different customers. */
  static final int ORDERS_PER_CUSTOMER = 4;

  public CrowdPlan {
    if (orders < 1) {
      throw new IllegalArgumentException("--orders must be at least 1, but is " + orders);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1, but is " + concurrency);
    }
    if (stepTimeout.isNegative() || stepTimeout.isZero()) {
      throw new IllegalArgumentException("the step timeout must be positive, but is " + stepTimeout);
    }
    if (lookAgain.isNegative() || lookAgain.isZero()) {
      throw new IllegalArgumentException("customers must look again after a positive time, not " + lookAgain);
    }
    if (arrivalsPerSecond < 0) {
      throw new IllegalArgumentException("the arrival rate must not be negative, but is " + arrivalsPerSecond);
    }
  }

  public static CrowdPlan of(int orders, int concurrency, long seed) {
    return new CrowdPlan(orders, concurrency, seed, Duration.ofMinutes(3), 0, LOOK_OFTEN);
  }

  /** Customers arriving at this rate, at most {@code concurrency} of them under way at once. */
  public static CrowdPlan arriving(int orders, double perSecond, int concurrency, long seed) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("the arrival rate must be positive, but is " + perSecond);
    }
    return new CrowdPlan(orders, concurrency, seed, Duration.ofMinutes(3), perSecond, LOOK_AS_THE_PAGE_DOES);
  }

  boolean openLoop() {
    return arrivalsPerSecond > 0;
  }

  /** Every order of the crowd, in the order customers place them. */
  List<CrowdOrder> ordersFor(CrowdCatalog catalog) {
    Random random = new Random(seed);
    int cancelled = (int) Math.round(orders * CANCELLED_SHARE);
    int outOfStock = (int) Math.round(orders * OUT_OF_STOCK_SHARE);
    List<Fate> fates = new ArrayList<>(orders);
    for (int i = 0; i < orders; i++) {
      fates.add(i < cancelled ? Fate.CANCELLED_BY_CUSTOMER : i < cancelled + outOfStock ? Fate.OUT_OF_STOCK : Fate.DELIVERED);
    }
    Collections.shuffle(fates, random);
    int customers = Math.max(1, orders / ORDERS_PER_CUSTOMER);
    List<CrowdOrder> crowd = new ArrayList<>(orders);
    for (Fate fate : fates) {
      String product = fate == Fate.OUT_OF_STOCK ? catalog.soldOut() : catalog.inStock().get(random.nextInt(catalog.inStock().size()));
      crowd.add(new CrowdOrder(
          catalog.runId() + "-customer-" + random.nextInt(customers),
          product,
          1 + random.nextInt(MAX_QUANTITY),
          fate,
          random.nextBoolean()));
    }
    return crowd;
  }
}
