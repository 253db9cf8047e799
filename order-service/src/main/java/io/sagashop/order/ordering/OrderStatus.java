package io.sagashop.order.ordering;

/** What the customer sees of an order, in the order the saga moves through it. */
public enum OrderStatus {
  PLACED,
  AWAITING_DEPOSIT,
  DEPOSIT_CONFIRMED,
  GOODS_PREPARED,
  IN_DELIVERY,
  CLOSED,
  CANCELLED;

  /** Events may arrive late or out of order; an order never moves back, nor out of an end state. */
  public boolean canAdvanceTo(OrderStatus next) {
    return !isFinal() && (next == CANCELLED || next.ordinal() > ordinal());
  }

  public boolean isFinal() {
    return this == CLOSED || this == CANCELLED;
  }
}
