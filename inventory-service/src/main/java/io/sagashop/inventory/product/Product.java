package io.sagashop.inventory.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** A product of the catalog with its price and the stock the seller has of it. */
@Entity
@Table(name = "product")
public class Product {

  @Id
  @Column(name = "product_id")
  private String productId;

  private String name;

  @Column(name = "unit_price")
  private BigDecimal unitPrice;

  private int stock;

  @Version private long version;

  protected Product() {}

  public Product(String productId, String name, BigDecimal unitPrice, int stock) {
    this.productId = productId;
    this.name = name;
    this.unitPrice = unitPrice;
    this.stock = stock;
  }

  public boolean hasInStock(int quantity) {
    return stock >= quantity;
  }

  /** Takes goods for an order; the caller has checked {@link #hasInStock}. */
  public void take(int quantity) {
    if (!hasInStock(quantity)) {
      throw new IllegalStateException("Only " + stock + " of " + productId + " in stock, " + quantity + " asked");
    }
    stock -= quantity;
  }

  public void putBack(int quantity) {
    stock += quantity;
  }

  public void describe(String newName, BigDecimal newUnitPrice) {
    name = newName;
    unitPrice = newUnitPrice;
  }

  public void countStock(int counted) {
    stock = counted;
  }

  public String productId() {
    return productId;
  }

  public String name() {
    return name;
  }

  public BigDecimal unitPrice() {
    return unitPrice;
  }

  public int stock() {
    return stock;
  }
}
