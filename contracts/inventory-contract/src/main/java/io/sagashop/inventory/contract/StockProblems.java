package io.sagashop.inventory.contract;

import java.net.URI;

/** The problem types inventory-service answers with, which a caller may act on. */
public final class StockProblems {

  /**
   * 409: fewer goods in stock than ordered, with {@code productId} and {@code inStock}. A business
   * outcome (the saga refunds and cancels the order), never worth a retry.
   */
  public static final URI OUT_OF_STOCK = URI.create("https://sagashop.io/problems/out-of-stock");

  private StockProblems() {}
}
