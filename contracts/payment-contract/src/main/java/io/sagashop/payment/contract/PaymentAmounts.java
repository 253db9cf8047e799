package io.sagashop.payment.contract;

import java.math.BigDecimal;

/**
 * The amounts payment-service opens a bank transfer for, which every service that prices or sums
 * an order keeps to, so that what one service accepts payment never refuses later in the saga (a
 * price of 0.00 taken by the catalog but refused by payment left an order in an incident until its
 * deadline). Strings, for validation annotations.
 */
public final class PaymentAmounts {

  /** The smallest price and amount: a bank transfer of nothing cannot be confirmed. */
  public static final String MIN_AMOUNT = "0.01";
  /** The largest bank transfer payment-service opens, so the largest price and order amount. */
  public static final String MAX_AMOUNT = "1000000.00";

  private PaymentAmounts() {}

  public static BigDecimal maxAmount() {
    return new BigDecimal(MAX_AMOUNT);
  }
}
