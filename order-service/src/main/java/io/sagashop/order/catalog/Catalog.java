package io.sagashop.order.catalog;

import feign.FeignException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import io.sagashop.platform.web.DependencyUnavailableException;
import org.springframework.stereotype.Component;

/** Prices for new orders; says clearly when the catalog cannot be asked right now. */
@Component
public class Catalog {

  private final CatalogClient client;

  Catalog(CatalogClient client) {
    this.client = client;
  }

  public Optional<Price> priceOf(String productId) {
    try {
      return client.product(productId).map(product -> new Price(product.productId(), product.name(), product.unitPrice()));
    } catch (FeignException e) {
      throw new DependencyUnavailableException("The catalog cannot be reached to price the order.", e);
    }
  }

  /** What a customer can order, for the shop page. */
  public List<Price> products() {
    try {
      return client.products().stream().map(product -> new Price(product.productId(), product.name(), product.unitPrice())).toList();
    } catch (FeignException e) {
      throw new DependencyUnavailableException("The catalog cannot be reached.", e);
    }
  }

  public record Price(String productId, String name, BigDecimal unitPrice) {}
}
