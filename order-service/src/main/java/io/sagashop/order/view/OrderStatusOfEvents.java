package io.sagashop.order.view;

import io.sagashop.delivery.contract.DeliveryEventType;
import io.sagashop.inventory.contract.StockEventType;
import io.sagashop.order.contract.OrderEventType;
import io.sagashop.order.ordering.OrderStatus;
import io.sagashop.payment.contract.PaymentEventType;
import java.util.Map;
import java.util.Optional;

/**
 * What each event means for the status the customer sees: order-service's own decision. The
 * services that publish the events state what happened (a payment placed, goods taken) and name no
 * order status, so a new status, or a new meaning of an event, is a change of order-service alone.
 */
final class OrderStatusOfEvents {

  private static final Map<String, OrderStatus> REACHED_BY = Map.of(
      OrderEventType.OrderPlaced.name(), OrderStatus.PLACED,
      PaymentEventType.PayPlaced.name(), OrderStatus.AWAITING_DEPOSIT,
      PaymentEventType.PayChecked.name(), OrderStatus.DEPOSIT_CONFIRMED,
      StockEventType.QtyDecreased.name(), OrderStatus.GOODS_PREPARED,
      DeliveryEventType.DeliveryStarted.name(), OrderStatus.IN_DELIVERY,
      OrderEventType.OrderClosed.name(), OrderStatus.CLOSED,
      OrderEventType.OrderCanceled.name(), OrderStatus.CANCELLED);

  private OrderStatusOfEvents() {}

  /** The status an event of this type brings the order to; empty for one that changes none (a refund, a receipt). */
  static Optional<OrderStatus> reachedBy(String eventType) {
    return Optional.ofNullable(REACHED_BY.get(eventType));
  }
}
