package io.sagashop.order.contract;

/**
 * The saga's steps on orders, under {@code /internal}, which the ingress does not route: only the
 * orchestrator calls them, and repeating either changes nothing.
 */
public final class OrderSteps {

  /** {@code POST}: "Close order". */
  public static final String CLOSURE = "/internal/orders/{orderId}/closure";

  /** {@code POST} a {@link CancellationRecord}: "Mark order cancelled". */
  public static final String CANCELLATION = "/internal/orders/{orderId}/cancellation";

  private OrderSteps() {}
}
