package io.sagashop.load;

/** The stretches of an order's life the crowd times, as a customer or seller waits through them. */
public enum Step {
  PLACE("place order (POST /orders, retried on 429/503)"),
  DEPOSIT_REQUESTED("placed -> AWAITING_DEPOSIT"),
  SELLER_CONFIRMS("paid -> seller completed Confirm deposit"),
  DELIVERY_STARTED("deposit confirmed -> IN_DELIVERY"),
  OUT_OF_STOCK_REFUNDED("deposit confirmed -> CANCELLED (out of stock)"),
  CANCELLED("cancellation -> CANCELLED"),
  CLOSED("receipt -> CLOSED");

  private final String label;

  Step(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
