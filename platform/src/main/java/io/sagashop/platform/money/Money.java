package io.sagashop.platform.money;

import java.math.BigDecimal;

/**
 * The amounts every service agrees on, so that what one service accepts another never refuses
 * later in the saga (a price of 0.00 taken by the catalog but refused by payment left an order in
 * an incident until its deadline). Strings, for validation annotations.
 */
public final class Money {

  /** The smallest price and amount: a bank transfer of nothing cannot be confirmed. */
  public static final String MIN_AMOUNT = "0.01";
  /** The largest bank transfer payment-service opens, so the largest price and order amount. */
  public static final String MAX_AMOUNT = "1000000.00";

  private Money() {}

  public static BigDecimal maxAmount() {
    return new BigDecimal(MAX_AMOUNT);
  }
}
