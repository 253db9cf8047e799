package io.sagashop.inventory.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The stock rules of a product, without a database. */
class ProductTest {

  private final Product product = new Product("P-1", "Kettle", new BigDecimal("24.00"), 5);

  @Test
  void takingGoodsLowersTheStockAndPuttingThemBackRaisesIt() {
    product.take(3);
    assertThat(product.stock()).isEqualTo(2);

    product.putBack(3);
    assertThat(product.stock()).isEqualTo(5);
  }

  @Test
  void theLastGoodsCanBeTakenButNotMore() {
    assertThat(product.hasInStock(5)).isTrue();
    assertThat(product.hasInStock(6)).isFalse();

    assertThatThrownBy(() -> product.take(6)).isInstanceOf(IllegalStateException.class).hasMessage("Only 5 of P-1 in stock, 6 asked");
    assertThat(product.stock()).as("a refused take changes nothing").isEqualTo(5);

    product.take(5);
    assertThat(product.stock()).isZero();
  }

  @Test
  void aCountReplacesTheStockAndADescriptionKeepsIt() {
    product.countStock(12);
    product.describe("Electric kettle", new BigDecimal("26.50"));

    assertThat(product.stock()).isEqualTo(12);
    assertThat(product.name()).isEqualTo("Electric kettle");
    assertThat(product.unitPrice()).isEqualByComparingTo("26.50");
  }
}
