package io.sagashop.load;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The shop's sellers: they see deposits arrive on the bank account (in the order customers pay) and
 * confirm each in Tasklist, that is, complete the order's "Confirm deposit" task over the engine
 * REST API, several sellers at once.
 */
final class Sellers implements AutoCloseable {

  /** How often a seller looks for a deposit's task in Tasklist again (it is mostly there at the first look). */
  private static final Duration LOOK_AGAIN = Duration.ofMillis(300);

  private record Deposit(CrowdOrder order, Instant paidAt, CompletableFuture<Instant> confirmed) {}

  private final ShopApi shop;
  private final StepTimes times;
  private final Duration stepTimeout;
  private final BlockingQueue<Deposit> bankAccount = new LinkedBlockingQueue<>();
  private final ExecutorService sellers;

  Sellers(ShopApi shop, int count, StepTimes times, Duration stepTimeout) {
    this.shop = shop;
    this.times = times;
    this.stepTimeout = stepTimeout;
    this.sellers = Executors.newFixedThreadPool(count, runnable -> {
      Thread thread = new Thread(runnable, "crowd-seller");
      thread.setDaemon(true);
      return thread;
    });
    for (int i = 0; i < count; i++) {
      sellers.execute(this::work);
    }
  }

  /** The customer transferred the money; completes with the moment a seller confirmed the deposit. */
  CompletableFuture<Instant> paid(CrowdOrder order) {
    CompletableFuture<Instant> confirmed = new CompletableFuture<>();
    bankAccount.add(new Deposit(order, Instant.now(), confirmed));
    return confirmed;
  }

  private void work() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Deposit deposit = bankAccount.take();
        try {
          confirm(deposit);
        } catch (RuntimeException e) {
          deposit.confirmed().completeExceptionally(e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for the order's task and completes it. A completion that fails because a part of the shop
   * is down (no answer, 5xx) is done again, as a seller clicks Complete again; when the task is gone
   * after such a failure, the completion went through and only its answer was lost.
   */
  private void confirm(Deposit deposit) {
    String orderId = deposit.order().orderId();
    AtomicReference<ShopApi.Answer> lastCompletion = new AtomicReference<>();
    try {
      await()
          .atMost(stepTimeout)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(LOOK_AGAIN)
          .until(() -> completed(deposit, lastCompletion));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(lastCompletion.get() == null
          ? "no Confirm deposit task for " + deposit.order() + " within " + stepTimeout.toSeconds() + " s"
          : "the seller could not confirm the deposit of " + deposit.order() + " within " + stepTimeout.toSeconds() + " s: " + lastCompletion.get());
    }
    Instant now = Instant.now();
    times.record(Step.SELLER_CONFIRMS, Duration.between(deposit.paidAt(), now));
    deposit.confirmed().complete(now);
  }

  /** One look at Tasklist and, when the task is there, one click on Complete: true once the deposit is confirmed. */
  private boolean completed(Deposit deposit, AtomicReference<ShopApi.Answer> lastCompletion) {
    ShopApi.Answer tasks = shop.depositTask(deposit.order().orderId());
    if (!tasks.is(200)) {
      return false;
    }
    if (tasks.body().size() != 1) {
      return lastCompletion.get() != null;
    }
    ShopApi.Answer completion = shop.completeTask(tasks.body().get(0).path("id").asText());
    lastCompletion.set(completion);
    if (completion.is(204)) {
      return true;
    }
    if (completion.isWorthRetrying() || completion.status() >= 500) {
      return false;
    }
    throw new IllegalStateException("the seller could not confirm the deposit of " + deposit.order() + ": " + completion);
  }

  @Override
  public void close() {
    sellers.shutdownNow();
  }
}
