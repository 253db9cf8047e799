package io.sagashop.load;

import java.util.List;
import java.util.Map;

/**
 * What a run built on the crowd adds to it (the chaos run): a pace for the placements, a moment
 * when the customers are done, and more invariants once the shop is at rest.
 */
interface CrowdHooks {

  CrowdHooks NONE = new CrowdHooks() {};

  /** The run's products and their stock are in the catalog; no order is placed yet. */
  default void catalogReady() {}

  /** Called before the customer of the {@code index}-th order (from 0) places it; may hold it back. */
  default void beforePlacing(int index) {}

  /**
   * Called before a customer takes a step of their order that the shop waits for: transferring the
   * money ({@link Step#SELLER_CONFIRMS}) or confirming the receipt ({@link Step#CLOSED}); may hold it
   * back, so that the saga waits there meanwhile. The steps' times start after it.
   */
  default void beforeStep(CrowdOrder order, Step step) {}

  /** Every customer is done; the shop is about to be left to come to rest. */
  default void customersDone() {}

  /**
   * The shop is at rest and each placed order's facts are read. May read them again ({@code facts}
   * is mutable) after repairing what an operator would repair. Returns more invariants, each with
   * its broken examples (empty when it holds).
   */
  default Map<String, List<String>> afterSettling(List<CrowdOrder> placed, Map<CrowdOrder, OrderFacts> facts) {
    return Map.of();
  }
}
