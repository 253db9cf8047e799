package io.sagashop.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What must hold when a crowd is done, whatever ran at once: each order ended as its customer
 * meant, stock and money add up, one delivery per closed order, one ended saga per order, nothing
 * dead-lettered. Each broken invariant is one line with the number of orders and a few examples.
 */
final class Invariants {

  static final String ANSWERS = "every customer's call was answered as the API promises";
  static final String ENDINGS = "every order ended as its customer meant";
  static final String STOCK = "stock went down by exactly the closed orders' quantities";
  static final String PAYMENTS = "payment CHECKED for every closed order, never PLACED or CHECKED on a cancelled one";
  static final String DELIVERIES = "exactly one delivery per closed order, none for a cancelled one";
  static final String SAGAS = "exactly one saga per order, and it has ended";
  static final String DEAD_LETTERS = "no record of a crowd order in any dead-letter topic";

  private static final int EXAMPLES = 3;

  private final Map<String, List<String>> violations = new LinkedHashMap<>();

  private Invariants() {
    for (String invariant : List.of(ANSWERS, ENDINGS, STOCK, PAYMENTS, DELIVERIES, SAGAS, DEAD_LETTERS)) {
      violations.put(invariant, new ArrayList<>());
    }
  }

  /** The broken invariants, one line each; empty when all hold. */
  static List<String> broken(
      List<CrowdOrder> orders, Map<CrowdOrder, OrderFacts> facts, Map<String, Integer> initialStock,
      Map<String, Integer> finalStock, List<String> deadLetters) {
    return broken(orders, facts, initialStock, finalStock, deadLetters, Map.of());
  }

  /** The same, with more invariants and their broken examples (a run's own, such as the chaos run's). */
  static List<String> broken(
      List<CrowdOrder> orders, Map<CrowdOrder, OrderFacts> facts, Map<String, Integer> initialStock,
      Map<String, Integer> finalStock, List<String> deadLetters, Map<String, List<String>> more) {
    Invariants invariants = new Invariants();
    more.forEach((invariant, examples) -> invariants.violations.put(invariant, new ArrayList<>(examples)));
    for (CrowdOrder order : orders) {
      order.surprises().forEach(surprise -> invariants.violated(ANSWERS, surprise));
      if (!order.isPlaced()) {
        invariants.violated(ENDINGS, order + " was never placed");
        continue;
      }
      invariants.check(order, facts.get(order));
    }
    invariants.checkStock(orders, facts, initialStock, finalStock);
    deadLetters.forEach(deadLetter -> invariants.violated(DEAD_LETTERS, deadLetter));
    return invariants.lines();
  }

  private void check(CrowdOrder order, OrderFacts facts) {
    Fate fate = order.fate();
    if (!fate.finalStatus().equals(facts.status()) || !Objects.equals(fate.cancellationReason(), facts.cancellationReason())) {
      violated(ENDINGS, order + " is " + facts.status() + (facts.cancellationReason() == null ? "" : " (" + facts.cancellationReason() + ")"));
    }
    boolean closed = "CLOSED".equals(facts.status());
    boolean cancelled = "CANCELLED".equals(facts.status());
    if (closed && !"CHECKED".equals(facts.payment())
        || cancelled && ("PLACED".equals(facts.payment()) || "CHECKED".equals(facts.payment()))) {
      violated(PAYMENTS, order + " is " + facts.status() + " with payment " + facts.payment());
    }
    if (closed && (facts.deliveryAnswer() != 200 || facts.deliveryStartedEvents() != 1)
        || cancelled && (facts.deliveryAnswer() != 404 || facts.deliveryStartedEvents() != 0)) {
      violated(DELIVERIES, order + " is " + facts.status() + ": GET /deliveries answers " + facts.deliveryAnswer()
          + ", " + facts.deliveryStartedEvents() + " DeliveryStarted on its timeline");
    }
    if (!facts.sagaStates().equals(List.of("COMPLETED"))) {
      violated(SAGAS, order + " has sagas " + facts.sagaStates());
    }
  }

  private void checkStock(
      List<CrowdOrder> orders, Map<CrowdOrder, OrderFacts> facts, Map<String, Integer> initialStock, Map<String, Integer> finalStock) {
    initialStock.forEach((product, initial) -> {
      int closedQuantity =
          orders.stream()
              .filter(order -> order.productId().equals(product) && order.isPlaced() && "CLOSED".equals(facts.get(order).status()))
              .mapToInt(CrowdOrder::quantity)
              .sum();
      Integer actual = finalStock.get(product);
      if (actual == null || actual != initial - closedQuantity) {
        violated(STOCK, product + ": " + initial + " - " + closedQuantity + " closed = " + (initial - closedQuantity) + ", but the stock is " + actual);
      }
    });
  }

  private void violated(String invariant, String example) {
    violations.get(invariant).add(example);
  }

  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    violations.forEach((invariant, examples) -> {
      if (!examples.isEmpty()) {
        lines.add(invariant + ": broken " + examples.size() + " times, e.g. "
            + String.join("; ", examples.subList(0, Math.min(EXAMPLES, examples.size()))));
      }
    });
    return lines;
  }

  static int count() {
    return new Invariants().violations.size();
  }
}
