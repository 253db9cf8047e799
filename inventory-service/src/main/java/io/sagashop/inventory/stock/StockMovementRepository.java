package io.sagashop.inventory.stock;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockMovementRepository extends JpaRepository<StockMovement, StockMovement.Key> {

  default Optional<StockMovement> find(UUID orderId, StockMovement.Kind kind) {
    return findById(new StockMovement.Key(orderId, kind));
  }
}
