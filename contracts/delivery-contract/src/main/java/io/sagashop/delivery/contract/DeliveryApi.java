package io.sagashop.delivery.contract;

/** delivery-service's paths. */
public final class DeliveryApi {

  /** {@code GET}: 200 with the {@link DeliveryView} once the order's delivery started, 404 before (and never, once cancelled). */
  public static final String DELIVERY = "/deliveries/{orderId}";

  private DeliveryApi() {}
}
