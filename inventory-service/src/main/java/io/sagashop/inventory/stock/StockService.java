package io.sagashop.inventory.stock;

import io.sagashop.inventory.contract.StockEventType;
import io.sagashop.inventory.product.Product;
import io.sagashop.inventory.product.ProductNotFoundException;
import io.sagashop.inventory.product.ProductRepository;
import io.sagashop.platform.events.EventOutbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes and puts back goods per order, each at most once: the orchestrator's jobs run at least
 * once, so a repeated call finds the movement it made the first time and changes nothing.
 */
@Service
public class StockService {

  private final ProductRepository products;
  private final StockMovementRepository movements;
  private final EventOutbox events;
  private final Clock clock;

  StockService(ProductRepository products, StockMovementRepository movements, EventOutbox events, Clock clock) {
    this.products = products;
    this.movements = movements;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Takes the goods once per order; or refuses, and keeps the refusal (committed with it, hence no
   * rollback for it), so that every later attempt for the order gets the same answer.
   */
  @Transactional(noRollbackFor = OutOfStockException.class)
  public StockDecrease decrease(UUID orderId, String productId, int quantity) {
    Product product = products.findForStockChange(productId).orElseThrow(() -> new ProductNotFoundException(productId));
    var earlier = movements.find(orderId, StockMovement.Kind.DECREASE);
    if (earlier.isPresent()) {
      return new StockDecrease(orderId, earlier.get().productId(), earlier.get().quantity(), product.stock());
    }
    var refused = movements.find(orderId, StockMovement.Kind.REFUSED);
    if (refused.isPresent()) {
      throw new OutOfStockException(productId, product.stock(), refused.get().quantity());
    }
    if (!product.hasInStock(quantity)) {
      movements.save(new StockMovement(orderId, StockMovement.Kind.REFUSED, productId, quantity, clock.instant()));
      throw new OutOfStockException(productId, product.stock(), quantity);
    }
    product.take(quantity);
    movements.save(new StockMovement(orderId, StockMovement.Kind.DECREASE, productId, quantity, clock.instant()));
    StockDecrease decrease = new StockDecrease(orderId, productId, quantity, product.stock());
    events.publish(StockEventType.QtyDecreased, orderId, decrease);
    return decrease;
  }

  /** Puts back what an order took; nothing happens if it took nothing or was restored already. */
  @Transactional
  public boolean restore(UUID orderId) {
    var taken = movements.find(orderId, StockMovement.Kind.DECREASE);
    if (taken.isEmpty()) {
      return false;
    }
    // The product's lock first, then the check: a second restore of the order (a job retried while
    // the first call still ran) waits here and then finds the first one's movement.
    Product product =
        products.findForStockChange(taken.get().productId())
            .orElseThrow(() -> new ProductNotFoundException(taken.get().productId()));
    if (movements.find(orderId, StockMovement.Kind.RESTORE).isPresent()) {
      return false;
    }
    product.putBack(taken.get().quantity());
    movements.save(
        new StockMovement(orderId, StockMovement.Kind.RESTORE, product.productId(), taken.get().quantity(), clock.instant()));
    events.publish(
        StockEventType.QtyRestored,
        orderId,
        new StockDecrease(orderId, product.productId(), taken.get().quantity(), product.stock()));
    return true;
  }

  record StockDecrease(UUID orderId, String productId, int quantity, int remainingStock) {}
}
