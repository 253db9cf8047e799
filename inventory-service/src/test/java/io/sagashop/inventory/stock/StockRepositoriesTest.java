package io.sagashop.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.inventory.product.Product;
import io.sagashop.inventory.product.ProductRepository;
import io.sagashop.testsupport.RepositorySlice;
import io.sagashop.testsupport.RowLocks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The products' and stock movements' tables as inventory-service relies on them, on PostgreSQL with the service's schema. */
@RepositorySlice
class StockRepositoriesTest {

  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

  @Autowired ProductRepository products;
  @Autowired StockMovementRepository movements;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theCatalogIsListedByProductId() {
    products.saveAndFlush(new Product("zz-last", "Last", new BigDecimal("1.00"), 1));
    products.saveAndFlush(new Product("aa-first", "First", new BigDecimal("1.00"), 1));

    assertThat(products.findAllByOrderByProductId()).extracting(Product::productId).isSorted().contains("aa-first", "zz-last");
  }

  @Test
  void stockIsNeverBelowZeroWhateverTheCodeWrites() {
    products.saveAndFlush(new Product("tea", "Tea", new BigDecimal("4.50"), 1));

    assertThatThrownBy(() -> jdbc.update("UPDATE product SET stock = stock - 2 WHERE product_id = 'tea'"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void anOrderTakesStockOnceAndPutsItBackOnce() {
    products.saveAndFlush(new Product("tea", "Tea", new BigDecimal("4.50"), 10));
    UUID orderId = UUID.randomUUID();
    movements.saveAndFlush(new StockMovement(orderId, StockMovement.Kind.DECREASE, "tea", 2, NOW));
    movements.saveAndFlush(new StockMovement(orderId, StockMovement.Kind.RESTORE, "tea", 2, NOW));

    assertThat(movements.find(orderId, StockMovement.Kind.DECREASE)).map(StockMovement::quantity).contains(2);
    assertThatThrownBy(() -> movements.saveAndFlush(new StockMovement(orderId, StockMovement.Kind.DECREASE, "tea", 2, NOW)))
        .as("a second decrease for one order, as a retried step on another replica would write it")
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aMovementIsOfAProductInTheCatalog() {
    assertThatThrownBy(() -> movements.saveAndFlush(new StockMovement(UUID.randomUUID(), StockMovement.Kind.DECREASE, "no-such-product", 1, NOW)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void aProductReadForAStockChangeIsLockedUntilItsTransactionEnds() {
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    String productId = "locked-" + UUID.randomUUID().toString().substring(0, 8);
    inTransaction.executeWithoutResult(status -> products.save(new Product(productId, "Locked", new BigDecimal("1.00"), 5)));

    Boolean lockedMeanwhile = inTransaction.execute(status -> {
      products.findForStockChange(productId).orElseThrow();
      return RowLocks.isLocked(dataSource, "product", "product_id", productId);
    });

    assertThat(lockedMeanwhile).isTrue();
    assertThat(RowLocks.isLocked(dataSource, "product", "product_id", productId)).isFalse();
  }
}
