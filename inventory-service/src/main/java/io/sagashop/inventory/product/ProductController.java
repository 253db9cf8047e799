package io.sagashop.inventory.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog for customers and the order service, and the seller's stock count. */
@RestController
@RequestMapping("/products")
class ProductController {

  private final ProductRepository products;

  ProductController(ProductRepository products) {
    this.products = products;
  }

  @GetMapping
  List<ProductView> all() {
    return products.findAllByOrderByProductId().stream().map(ProductView::of).toList();
  }

  @GetMapping("/{productId}")
  ProductView one(@PathVariable String productId) {
    return products.findById(productId).map(ProductView::of).orElseThrow(() -> new ProductNotFoundException(productId));
  }

  /** The seller counted the shelf: the stock becomes what was counted. */
  @PutMapping("/{productId}/stock")
  @Transactional
  public ProductView countStock(@PathVariable String productId, @Valid @RequestBody StockCount count) {
    Product product = products.findForStockChange(productId).orElseThrow(() -> new ProductNotFoundException(productId));
    product.countStock(count.stock());
    return ProductView.of(product);
  }

  record StockCount(@NotNull @Min(0) @Max(1_000_000) Integer stock) {}

  record ProductView(String productId, String name, BigDecimal unitPrice, int stock) {
    static ProductView of(Product product) {
      return new ProductView(product.productId(), product.name(), product.unitPrice(), product.stock());
    }
  }
}
