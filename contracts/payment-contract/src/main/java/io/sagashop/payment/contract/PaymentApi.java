package io.sagashop.payment.contract;

/** payment-service's paths, each named by the order, so that a call repeated changes nothing. */
public final class PaymentApi {

  /** {@code PUT} a {@link PaymentRequest}: 201 (or 200 when already open) with the {@link PaymentView}; {@code GET} it. */
  public static final String PAYMENT = "/payments/{orderId}";

  /** {@code POST}: the seller confirmed the deposit; 200 with the checked {@link PaymentView}. */
  public static final String CHECK = "/payments/{orderId}/check";

  /** {@code POST}: void or refund; 200 with the {@link PaymentView}, 204 when the order has none. */
  public static final String CANCELLATION = "/payments/{orderId}/cancellation";

  private PaymentApi() {}
}
