package io.sagashop.inventory.product;

import io.sagashop.payment.contract.PaymentAmounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog for customers and the order service, and the seller's side of it: putting a product
 * in the catalog (or changing its name and price) and counting its stock.
 */
@RestController
@RequestMapping("/products")
class ProductController {

  private static final String PRODUCT_ID = "[a-z0-9][a-z0-9-]{0,63}";

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

  /**
   * Puts a product in the catalog with no stock yet, or renames and reprices it: 201 when it is new,
   * 200 when it was there. Orders already placed keep the price they were placed at.
   */
  @PutMapping("/{productId}")
  @Transactional
  public ResponseEntity<ProductView> describe(
      @PathVariable @Pattern(regexp = PRODUCT_ID, message = "must be 1-64 lower-case letters, digits or dashes") String productId,
      @Valid @RequestBody ProductDescription description) {
    Optional<Product> known = products.findForStockChange(productId);
    known.ifPresent(product -> product.describe(description.name(), description.unitPrice()));
    Product product = known.orElseGet(() -> products.save(new Product(productId, description.name(), description.unitPrice(), 0)));
    return ResponseEntity.status(known.isPresent() ? HttpStatus.OK : HttpStatus.CREATED).body(ProductView.of(product));
  }

  record ProductDescription(
      @NotBlank @Size(max = 200) String name,
      @NotNull @DecimalMin(PaymentAmounts.MIN_AMOUNT) @DecimalMax(PaymentAmounts.MAX_AMOUNT) @Digits(integer = 7, fraction = 2) BigDecimal unitPrice) {}

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
