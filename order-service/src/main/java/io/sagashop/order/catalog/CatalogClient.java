package io.sagashop.order.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** inventory-service's catalog: the price of an order comes from here, never from the client. */
@FeignClient(name = "catalog", url = "${sagashop.services.inventory-url}", dismiss404 = true)
interface CatalogClient {

  @GetMapping("/products")
  List<CatalogProduct> products();

  @GetMapping("/products/{productId}")
  Optional<CatalogProduct> product(@PathVariable String productId);

  record CatalogProduct(String productId, String name, BigDecimal unitPrice) {}
}
