package io.sagashop.inventory.product;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, String> {

  List<Product> findAllByOrderByProductId();

  /** For stock changes: concurrent orders of one product queue up instead of failing. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Product p where p.productId = ?1")
  Optional<Product> findForStockChange(String productId);
}
