package io.sagashop.order.ordering;

import io.sagashop.order.catalog.Catalog;
import io.sagashop.order.contract.CancellationReason;
import io.sagashop.order.contract.OrderEventType;
import io.sagashop.order.contract.OrderPlaced;
import io.sagashop.order.contract.ReceiptConfirmed;
import io.sagashop.payment.contract.PaymentAmounts;
import io.sagashop.platform.events.EventOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders and records what happens to them. Placing needs only this service's database
 * and the catalog: the saga starts from the OrderPlaced event whenever the orchestrator reads it.
 */
@Service
public class OrderService {

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  private final OrderRepository orders;
  private final Catalog catalog;
  private final EventOutbox events;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final OrderOutcomes outcomes;

  OrderService(OrderRepository orders, Catalog catalog, EventOutbox events, Clock clock, TransactionTemplate transactions,
      OrderOutcomes outcomes) {
    this.transactions = transactions;
    this.outcomes = outcomes;
    this.orders = orders;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A new order, or the one an earlier request with the same Idempotency-Key created, also when
   * that request is under way at the same moment (a client that timed out and sent it again): the
   * key's unique constraint lets one of them store the order, and the other answers with it.
   */
  public Order place(String customerId, String productId, int quantity, String idempotencyKey) {
    try {
      return transactions.execute(status -> placeOnce(customerId, productId, quantity, idempotencyKey));
    } catch (DataIntegrityViolationException sameKeyAtOnce) {
      if (idempotencyKey == null) {
        throw sameKeyAtOnce;
      }
      return transactions.execute(status -> earlier(customerId, productId, quantity, idempotencyKey))
          .orElseThrow(() -> sameKeyAtOnce);
    }
  }

  private Order placeOnce(String customerId, String productId, int quantity, String idempotencyKey) {
    if (idempotencyKey != null) {
      Optional<Order> earlier = earlier(customerId, productId, quantity, idempotencyKey);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Catalog.Price price = catalog.priceOf(productId).orElseThrow(() -> new UnknownProductException(productId));
    BigDecimal amount = price.unitPrice().multiply(BigDecimal.valueOf(quantity));
    if (amount.compareTo(PaymentAmounts.maxAmount()) > 0) {
      throw new OrderTooLargeException(amount);
    }
    Order order =
        orders.saveAndFlush(
            new Order(UUID.randomUUID(), customerId, productId, quantity, price.unitPrice(), idempotencyKey, clock.instant()));
    events.publish(OrderEventType.OrderPlaced, order.orderId(), placed(order, price));
    outcomes.placed();
    log.info("Order {} placed by {}: {} x {}", order.orderId(), customerId, quantity, productId);
    return order;
  }

  /** The order stored under this key; refused (422) when the key was used for a different order. */
  private Optional<Order> earlier(String customerId, String productId, int quantity, String idempotencyKey) {
    Optional<Order> earlier = orders.findByCustomerIdAndIdempotencyKey(customerId, idempotencyKey);
    if (earlier.isPresent() && !earlier.get().sameRequestAs(productId, quantity)) {
      throw new IdempotencyKeyReusedException(idempotencyKey);
    }
    return earlier;
  }

  @Transactional(readOnly = true)
  public Order get(UUID orderId) {
    return orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
  }

  /** The customer's own order; another's is not found, so an order id tells a stranger nothing. */
  public Order getOwned(UUID orderId, String customerId) {
    return orders.findById(orderId)
        .filter(order -> order.customerId().equals(customerId))
        .orElseThrow(() -> new OrderNotFoundException(orderId));
  }

  /** The saga took the customer's receipt: it hears of it once, however often the customer clicks. */
  @Transactional
  public Order recordReceipt(UUID orderId) {
    Order order = orders.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    if (order.confirmReceipt(clock.instant())) {
      events.publish(OrderEventType.ReceiptConfirmed, orderId, new ReceiptConfirmed(orderId));
    }
    return order;
  }

  /** "Close order", called by the saga at its end; repeating it changes nothing. */
  @Transactional
  public Order close(UUID orderId) {
    Order order = orders.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    if (order.close(clock.instant())) {
      events.publish(OrderEventType.OrderClosed, orderId, OrderSnapshot.of(order));
      outcomes.closed();
    } else if (order.status() != OrderStatus.CLOSED) {
      throw new OrderStatusConflictException(orderId, order.status(), "Only an order that is not cancelled can be closed.");
    }
    return order;
  }

  /** "Mark order cancelled", called by the saga when it ends an order cancelled; repeating it changes nothing. */
  @Transactional
  public Order markCancelled(UUID orderId, CancellationReason reason) {
    Order order = orders.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    if (order.cancel(reason, clock.instant())) {
      events.publish(OrderEventType.OrderCanceled, orderId, OrderSnapshot.of(order));
      outcomes.cancelled(reason);
      log.info("Order {} cancelled: {}", orderId, reason);
    }
    return order;
  }

  private static OrderPlaced placed(Order order, Catalog.Price price) {
    return new OrderPlaced(
        order.orderId(), order.customerId(), order.productId(), price.name(), order.quantity(), order.unitPrice(), order.amount());
  }
}
