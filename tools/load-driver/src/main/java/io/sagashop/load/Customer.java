package io.sagashop.load;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A customer of the crowd following one order to its end over the public API, as the page does:
 * place it, watch its status, pay (a seller then confirms the deposit), cancel or confirm receipt.
 * Whatever the shop answers that its API does not promise is noted on the order, and the customer
 * carries on where a real one would (a refused receipt is tried again).
 */
final class Customer {

  /** When the shop sends no Retry-After with a 503 or the call reached no server. */
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  private static final Set<String> ENDED = Set.of("CLOSED", "CANCELLED");

  private final ShopApi shop;
  private final Sellers sellers;
  private final StepTimes times;
  private final Duration stepTimeout;
  private final Duration lookAgain;
  private final AtomicInteger refusals;
  private final CrowdHooks hooks;

  Customer(ShopApi shop, Sellers sellers, StepTimes times, Duration stepTimeout, Duration lookAgain, AtomicInteger refusals, CrowdHooks hooks) {
    this.shop = shop;
    this.sellers = sellers;
    this.times = times;
    this.stepTimeout = stepTimeout;
    this.lookAgain = lookAgain;
    this.refusals = refusals;
    this.hooks = hooks;
  }

  void follow(CrowdOrder order) {
    try {
      Instant placed = place(order);
      switch (order.fate()) {
        case DELIVERED -> {
          Instant confirmed = pay(order, placed);
          awaitStatus(order, "IN_DELIVERY", Step.DELIVERY_STARTED, confirmed);
          hooks.beforeStep(order, Step.CLOSED);
          Instant received = confirmReceipt(order);
          awaitStatus(order, "CLOSED", Step.CLOSED, received);
        }
        case OUT_OF_STOCK -> {
          Instant confirmed = pay(order, placed);
          awaitStatus(order, "CANCELLED", Step.OUT_OF_STOCK_REFUNDED, confirmed);
        }
        case CANCELLED_BY_CUSTOMER -> {
          if (!order.cancelsBeforeDepositRequest()) {
            awaitStatus(order, "AWAITING_DEPOSIT", Step.DEPOSIT_REQUESTED, placed);
          }
          Instant cancelled = cancel(order);
          awaitStatus(order, "CANCELLED", Step.CANCELLED, cancelled);
        }
      }
    } catch (Surprise surprise) {
      order.surprised(surprise.getMessage());
    }
  }

  /** POST /orders with one Idempotency-Key however often it is sent again, so the order exists once. */
  private Instant place(CrowdOrder order) {
    String idempotencyKey = UUID.randomUUID().toString();
    // signed in first, as on the page: placing is timed without the sign-in
    shop.signIn(order.customerId());
    Instant started = Instant.now();
    ShopApi.Answer answer =
        untilAnswered(() -> shop.placeOrder(order.customerId(), order.productId(), order.quantity(), idempotencyKey));
    if (!answer.is(201) && !answer.is(200)) {
      throw new Surprise("placing " + order + " answered " + answer);
    }
    order.placed(answer.body().path("orderId").asText());
    order.saw(answer.body().path("status").asText());
    Instant placed = Instant.now();
    times.record(Step.PLACE, Duration.between(started, placed));
    return placed;
  }

  /** Waits for the bank details, transfers the money, and waits until a seller confirmed the deposit. */
  private Instant pay(CrowdOrder order, Instant placed) {
    awaitStatus(order, "AWAITING_DEPOSIT", Step.DEPOSIT_REQUESTED, placed);
    hooks.beforeStep(order, Step.SELLER_CONFIRMS);
    try {
      return sellers.paid(order).get(2 * stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new Surprise(e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new Surprise("no seller confirmed the deposit of " + order + " within " + 2 * stepTimeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Surprise("interrupted while waiting for the seller of " + order);
    }
  }

  private Instant cancel(CrowdOrder order) {
    ShopApi.Answer answer = untilAnswered(() -> shop.cancel(order.orderId()));
    // 200 is "cancelled before": only possible when an earlier attempt reached the shop unanswered.
    if (!answer.is(202) && !answer.is(200)) {
      throw new Surprise("cancelling " + order + " (last seen " + order.lastStatus() + ") answered " + answer);
    }
    return Instant.now();
  }

  /** The customer sees IN_DELIVERY and has the goods: the receipt must be taken (202). */
  private Instant confirmReceipt(CrowdOrder order) {
    AtomicBoolean refusedBefore = new AtomicBoolean();
    // A refused receipt is tried again, as the customer would: the order should still close.
    ShopApi.Answer answer = sendAgainWhile(() -> {
      ShopApi.Answer receipt = shop.confirmReceipt(order.orderId());
      if (receipt.is(409) && !refusedBefore.getAndSet(true)) {
        order.surprised("receipt of " + order + " refused while its customer saw " + order.lastStatus() + ": " + receipt);
      }
      return receipt;
    }, receipt -> receipt.isWorthRetrying() || receipt.is(409));
    if (!answer.is(202)) {
      throw new Surprise("receipt of " + order + " never taken; last answer " + answer);
    }
    return Instant.now();
  }

  private void awaitStatus(CrowdOrder order, String wanted, Step step, Instant since) {
    JsonNode view;
    try {
      view =
          await()
              .atMost(stepTimeout)
              .pollInSameThread()
              .pollDelay(Duration.ZERO)
              .pollInterval(lookAgain)
              .until(() -> look(order), seen -> wanted.equals(statusOf(seen)) || ENDED.contains(statusOf(seen)));
    } catch (ConditionTimeoutException e) {
      throw new Surprise(order + " still " + order.lastStatus() + " after " + stepTimeout.toSeconds() + " s; its customer waited for " + wanted);
    }
    if (!wanted.equals(statusOf(view))) {
      throw new Surprise(order + " ended " + statusOf(view) + " (" + view.path("cancellationReason").asText() + ") while its customer waited for " + wanted);
    }
    times.record(step, Duration.between(since, reached(view, wanted).orElseGet(Instant::now)));
  }

  /**
   * When the shop reached the status: the time of the timeline's event that set it, as stamped by
   * the service that wrote it. A step's time is then the shop's, not how often its customer looks.
   * The answer to the customer's call can come back after the shop already moved on: zero then.
   */
  private static Optional<Instant> reached(JsonNode view, String status) {
    Instant earliest = null;
    for (JsonNode entry : view.path("timeline")) {
      if (status.equals(entry.path("orderStatus").asText()) && entry.hasNonNull("time")) {
        Instant time = Instant.parse(entry.path("time").asText());
        earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
      }
    }
    return Optional.ofNullable(earliest);
  }

  private JsonNode look(CrowdOrder order) {
    ShopApi.Answer answer = shop.order(order.orderId());
    if (answer.is(200)) {
      order.saw(statusOf(answer.body()));
    }
    return answer.body();
  }

  private static String statusOf(JsonNode view) {
    return view.path("status").asText();
  }

  /**
   * Sends a call again while the shop is overloaded or unreachable, after the wait it asks for
   * (Retry-After), as a well-behaved client does; counts each refusal. Gives up after the step
   * timeout and returns the last answer.
   */
  private ShopApi.Answer untilAnswered(Supplier<ShopApi.Answer> call) {
    return sendAgainWhile(call, ShopApi.Answer::isWorthRetrying);
  }

  /** Sends the call again, after the wait the shop asks for, while {@code sendAgain} says so. */
  private ShopApi.Answer sendAgainWhile(Supplier<ShopApi.Answer> call, Predicate<ShopApi.Answer> sendAgain) {
    AtomicReference<ShopApi.Answer> last = new AtomicReference<>();
    try {
      return await()
          .atMost(stepTimeout)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval((attempt, previous) -> last.get() == null ? DEFAULT_RETRY_AFTER : last.get().retryAfter().orElse(DEFAULT_RETRY_AFTER))
          .until(() -> {
            ShopApi.Answer answer = call.get();
            if (sendAgain.test(answer)) {
              refusals.incrementAndGet();
            }
            last.set(answer);
            return answer;
          }, answer -> !sendAgain.test(answer));
    } catch (ConditionTimeoutException e) {
      return last.get();
    }
  }

  /** The shop did something its API does not promise; the order's journey ends here. */
  static final class Surprise extends RuntimeException {
    Surprise(String message) {
      super(message, null, false, false);
    }
  }
}
