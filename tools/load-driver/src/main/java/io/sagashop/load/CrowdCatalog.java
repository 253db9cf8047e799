package io.sagashop.load;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The products a crowd orders, put into the catalog for this run only (their ids carry the run's
 * id), so that stock and money can be checked against this run's orders alone, also on a shop that
 * has other orders. The stock of the products in stock covers every order; one product is sold out.
 */
final class CrowdCatalog {

  private final String runId;
  private final Map<String, Integer> initialStock = new LinkedHashMap<>();
  private final List<String> inStock;
  private final String soldOut;

  private CrowdCatalog(String runId) {
    this.runId = runId;
    this.inStock = List.of(runId + "-teapot", runId + "-matcha", runId + "-cups");
    this.soldOut = runId + "-sold-out";
  }

  /** The run's products, not yet in the shop. */
  static CrowdCatalog forPlan(String runId) {
    return new CrowdCatalog(runId);
  }

  /** Puts the run's products into the shop's catalog, with their stock, as the seller would. */
  static CrowdCatalog create(ShopApi shop, String runId, int orders) {
    CrowdCatalog catalog = forPlan(runId);
    BigDecimal[] prices = {new BigDecimal("48.00"), new BigDecimal("12.50"), new BigDecimal("7.25")};
    for (int i = 0; i < catalog.inStock.size(); i++) {
      catalog.put(shop, catalog.inStock.get(i), prices[i], orders * CrowdPlan.MAX_QUANTITY);
    }
    catalog.put(shop, catalog.soldOut, new BigDecimal("99.90"), 0);
    return catalog;
  }

  private void put(ShopApi shop, String productId, BigDecimal price, int stock) {
    ShopApi.Answer product = shop.putProduct(productId, "Crowd " + productId, price);
    if (!product.is(201) && !product.is(200)) {
      throw new IllegalStateException("Cannot put " + productId + " into the catalog: " + product);
    }
    ShopApi.Answer counted = shop.putStock(productId, stock);
    if (!counted.is(200)) {
      throw new IllegalStateException("Cannot set the stock of " + productId + ": " + counted);
    }
    initialStock.put(productId, stock);
  }

  String runId() {
    return runId;
  }

  List<String> inStock() {
    return inStock;
  }

  String soldOut() {
    return soldOut;
  }

  /** Every product of the run with its stock before the first order. */
  Map<String, Integer> initialStock() {
    return Map.copyOf(initialStock);
  }
}
