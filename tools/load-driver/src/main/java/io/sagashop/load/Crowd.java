package io.sagashop.load;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A crowd of customers and sellers on the shop: the plan's orders, {@code concurrency} of them under
 * way at once, each followed by its customer to its end; then the shop is left to come to rest and
 * every invariant is checked against what the services say.
 */
public final class Crowd {

  /** How long the shop may take to come to rest after the last customer is done. */
  private static final Duration SETTLE = Duration.ofMinutes(3);
  /** Reading each order's facts from five services, a few orders at a time. */
  private static final int READERS = 4;

  private final ShopAddress address;
  private final ShopApi shop;
  private final CrowdPlan plan;
  private final Consumer<String> progress;
  private final CrowdHooks hooks;

  private Crowd(ShopAddress address, ShopApi shop, CrowdPlan plan, Consumer<String> progress, CrowdHooks hooks) {
    this.address = address;
    this.shop = shop;
    this.plan = plan;
    this.progress = progress;
    this.hooks = hooks;
  }

  /** Runs the crowd and checks the invariants; progress lines go to {@code progress}. */
  public static CrowdReport run(ShopAddress address, CrowdPlan plan, Consumer<String> progress) {
    return run(address, plan, progress, CrowdHooks.NONE);
  }

  static CrowdReport run(ShopAddress address, CrowdPlan plan, Consumer<String> progress, CrowdHooks hooks) {
    return run(address, new ShopApi(address), plan, progress, hooks);
  }

  /** With the hooks' own client: the customers it signed in are the ones whose orders the hooks read. */
  static CrowdReport run(ShopAddress address, ShopApi shop, CrowdPlan plan, Consumer<String> progress, CrowdHooks hooks) {
    return new Crowd(address, shop, plan, progress, hooks).run();
  }

  private CrowdReport run() {
    String runId = "crowd-" + UUID.randomUUID().toString().substring(0, 8);
    CrowdCatalog catalog = CrowdCatalog.create(shop, runId, plan.orders());
    hooks.catalogReady();
    List<CrowdOrder> orders = plan.ordersFor(catalog);
    StepTimes times = new StepTimes();
    AtomicInteger refusals = new AtomicInteger();
    progress.accept(plan.openLoop()
        ? String.format(Locale.ROOT, "Crowd %s: %d orders, %.2f arriving per second, products %s", runId, plan.orders(), plan.arrivalsPerSecond(), catalog.initialStock().keySet())
        : String.format("Crowd %s: %d orders, %d at once, products %s", runId, plan.orders(), plan.concurrency(), catalog.initialStock().keySet()));

    Instant started = Instant.now();
    try (Sellers sellers = new Sellers(shop, Math.max(2, plan.concurrency() / 4), times, plan.stepTimeout())) {
      Customer customer = new Customer(shop, sellers, times, plan.stepTimeout(), plan.lookAgain(), refusals, hooks);
      Consumer<CrowdOrder> follow = order -> {
        hooks.beforePlacing(orders.indexOf(order));
        customer.follow(order);
      };
      if (plan.openLoop()) {
        runArriving(orders, follow);
      } else {
        runAll(orders, follow, plan.concurrency(), "customers");
      }
    }
    Duration took = Duration.between(started, Instant.now());
    hooks.customersDone();

    Instant doneAt = Instant.now();
    Map<CrowdOrder, OrderFacts> facts = settle(orders);
    Duration settled = Duration.between(doneAt, Instant.now());
    Map<String, List<String>> more = hooks.afterSettling(orders.stream().filter(CrowdOrder::isPlaced).toList(), facts);
    Map<String, Integer> finalStock = new HashMap<>();
    catalog.initialStock().keySet().forEach(product -> finalStock.put(product, shop.product(product).body().path("stock").asInt(-1)));
    Set<String> orderIds = orders.stream().filter(CrowdOrder::isPlaced).map(CrowdOrder::orderId).collect(Collectors.toSet());
    List<String> deadLetters = DeadLetters.of(address.kafka(), orderIds);

    List<StepTimes.Summary> steps = new ArrayList<>();
    for (Step step : Step.values()) {
      times.summary(step).ifPresent(steps::add);
    }
    return new CrowdReport(
        plan,
        runId,
        count(orders, Fate.DELIVERED),
        count(orders, Fate.CANCELLED_BY_CUSTOMER),
        count(orders, Fate.OUT_OF_STOCK),
        took,
        settled,
        steps,
        refusals.get(),
        facts.values().stream().mapToInt(OrderFacts::incidents).sum(),
        deadLetters.size(),
        Invariants.count() + more.size(),
        Invariants.broken(orders, facts, catalog.initialStock(), finalStock, deadLetters, more));
  }

  /** Waits (up to a deadline shared by all orders) until each order is at rest, and reads its facts. */
  private Map<CrowdOrder, OrderFacts> settle(List<CrowdOrder> orders) {
    Instant deadline = Instant.now().plus(SETTLE);
    Map<CrowdOrder, OrderFacts> facts = new ConcurrentHashMap<>();
    List<CrowdOrder> placed = orders.stream().filter(CrowdOrder::isPlaced).toList();
    runAll(placed, order -> facts.put(order, settled(shop, order, deadline)), READERS, "settled");
    return facts;
  }

  /** The order's facts once it is at rest, or as they are at the deadline. */
  static OrderFacts settled(ShopApi shop, CrowdOrder order, Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      return OrderFacts.read(shop, order.orderId());
    }
    try {
      return await()
          .atMost(left)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> OrderFacts.read(shop, order.orderId()), OrderFacts::isSettled);
    } catch (ConditionTimeoutException stillMoving) {
      return OrderFacts.read(shop, order.orderId());
    }
  }

  /**
   * Each order's customer arrives at its time (order i at i / rate seconds), whether or not the
   * shop kept up with the ones before; at most the plan's concurrency are followed at once.
   */
  private void runArriving(List<CrowdOrder> orders, Consumer<CrowdOrder> follow) {
    ExecutorService customers = Executors.newFixedThreadPool(plan.concurrency());
    long start = System.nanoTime();
    long interval = Math.round(1e9 / plan.arrivalsPerSecond());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < orders.size(); i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        CrowdOrder order = orders.get(i);
        futures.add(customers.submit(() -> follow.accept(order)));
      }
      progress.accept(String.format("  customers: all %d arrived", orders.size()));
      awaitAll(futures);
    } finally {
      customers.shutdownNow();
    }
  }

  /** Runs the task for every order with this many threads, reporting progress every tenth. */
  private void runAll(List<CrowdOrder> orders, Consumer<CrowdOrder> task, int threads, String what) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, orders.size() / 10);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (CrowdOrder order : orders) {
        futures.add(pool.submit(() -> {
          task.accept(order);
          int finished = done.incrementAndGet();
          if (finished % step == 0 || finished == orders.size()) {
            progress.accept(String.format("  %s: %d of %d orders", what, finished, orders.size()));
          }
        }));
      }
      awaitAll(futures);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitAll(List<Future<?>> futures) {
    try {
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("The crowd's driver failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The crowd was interrupted", e);
    }
  }

  private static int count(List<CrowdOrder> orders, Fate fate) {
    return (int) orders.stream().filter(order -> order.fate() == fate).count();
  }
}
