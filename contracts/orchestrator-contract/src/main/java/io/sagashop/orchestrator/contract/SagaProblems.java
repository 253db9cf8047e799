package io.sagashop.orchestrator.contract;

import java.net.URI;

/** The refusals the saga answers with (409), each with the {@code orderId} and a detail for the customer. */
public final class SagaProblems {

  /** The seller has confirmed the deposit (or the order closed): the order can no longer be cancelled. */
  public static final URI CANCELLATION_REFUSED = URI.create("https://sagashop.io/problems/cancellation-refused");

  /** The order is not in delivery (yet, or any more): its detail says which. */
  public static final URI RECEIPT_REFUSED = URI.create("https://sagashop.io/problems/receipt-refused");

  private SagaProblems() {}
}
