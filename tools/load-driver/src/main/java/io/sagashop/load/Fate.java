package io.sagashop.load;

/** What a customer of the crowd means to happen to an order, and how the order must end then. */
enum Fate {
  /** Pays, the seller confirms the deposit, the goods arrive, the customer confirms receipt. */
  DELIVERED("CLOSED", null),
  /** Changes their mind before paying and cancels. */
  CANCELLED_BY_CUSTOMER("CANCELLED", "CUSTOMER_REQUEST"),
  /** Pays for a product that is sold out: the deposit is refunded. */
  OUT_OF_STOCK("CANCELLED", "OUT_OF_STOCK");

  private final String finalStatus;
  private final String cancellationReason;

  Fate(String finalStatus, String cancellationReason) {
    this.finalStatus = finalStatus;
    this.cancellationReason = cancellationReason;
  }

  String finalStatus() {
    return finalStatus;
  }

  /** The reason the order view must show, or null for an order that is not cancelled. */
  String cancellationReason() {
    return cancellationReason;
  }

  boolean closes() {
    return this == DELIVERED;
  }
}
