package io.sagashop.inventory.contract;

/**
 * The orchestrator's stock steps on inventory-service, each on a resource named by the order, so
 * that a job run twice changes nothing the second time.
 */
public final class StockApi {

  /** {@code PUT}: "Decrease stock", a {@link StockDecreaseRequest}; 200, or 409 {@link StockProblems#OUT_OF_STOCK}. */
  public static final String DECREASE = "/stock-decreases/{orderId}";

  /** {@code POST}: "Restore stock", the decrease's compensation; 204 whether or not anything was taken. */
  public static final String RESTORATION = "/stock-decreases/{orderId}/restoration";

  private StockApi() {}
}
