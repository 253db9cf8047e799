package io.sagashop.inventory.stock;

import io.sagashop.inventory.contract.StockApi;
import io.sagashop.inventory.contract.StockDecreaseRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orchestrator's synchronous stock steps, both on resources named by the order, so repeating
 * either is safe, which is what a job that runs at least once needs.
 */
@RestController
class StockController {

  private final StockService stock;

  StockController(StockService stock) {
    this.stock = stock;
  }

  /** "Decrease stock": 200 with what was taken, 409 out-of-stock problem when too few. */
  @PutMapping(StockApi.DECREASE)
  StockService.StockDecrease decrease(@PathVariable UUID orderId, @Valid @RequestBody StockDecreaseRequest request) {
    return stock.decrease(orderId, request.productId(), request.quantity());
  }

  /** "Restore stock": the compensation of a decrease; 204 whether or not there was anything to restore. */
  @PostMapping(StockApi.RESTORATION)
  ResponseEntity<Void> restore(@PathVariable UUID orderId) {
    stock.restore(orderId);
    return ResponseEntity.noContent().build();
  }
}
