package io.sagashop.order.view;

import io.sagashop.delivery.contract.DeliveryEventType;
import io.sagashop.delivery.contract.DeliveryStatus;
import io.sagashop.delivery.contract.DeliveryView;
import io.sagashop.inventory.contract.StockEventType;
import io.sagashop.order.contract.OrderEventType;
import io.sagashop.order.contract.OrderPlaced;
import io.sagashop.order.ordering.OrderSnapshot;
import io.sagashop.order.ordering.OrderStatus;
import io.sagashop.payment.contract.PaymentEventType;
import io.sagashop.payment.contract.PaymentStatus;
import io.sagashop.payment.contract.PaymentView;
import io.sagashop.platform.events.EventEnvelope;
import io.sagashop.platform.events.EventReader;
import io.sagashop.platform.events.PoisonEventException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one event to the order view: once (the event id guards it), never moving the order or its
 * payment backwards, whatever order the events arrive in across topics. Each event is read as its
 * publisher's contract types it.
 */
@Component
class OrderViewWriter {

  /** The event types the view knows; any other type is none of its business. */
  static final Set<String> KNOWN_TYPES =
      Stream.<Enum<?>[]>of(
              OrderEventType.values(), PaymentEventType.values(), StockEventType.values(), new Enum<?>[] {DeliveryEventType.DeliveryStarted})
          .flatMap(Arrays::stream)
          .map(Enum::name)
          .collect(Collectors.toUnmodifiableSet());

  /** A payment only moves forward: placed, then checked, then cancelled or refunded. */
  private static final Map<PaymentStatus, Integer> PAYMENT_RANK =
      Map.of(PaymentStatus.PLACED, 1, PaymentStatus.CHECKED, 2, PaymentStatus.CANCELED, 3, PaymentStatus.REFUNDED, 3);

  private final JdbcTemplate jdbc;
  private final EventReader reader;

  OrderViewWriter(JdbcTemplate jdbc, EventReader reader) {
    this.jdbc = jdbc;
    this.reader = reader;
  }

  /** False when the event was applied before, or is of a type the view does not know. */
  @Transactional
  public boolean apply(EventEnvelope event) {
    if (!KNOWN_TYPES.contains(event.type())) {
      return false;
    }
    OrderStatus reached = OrderStatusOfEvents.reachedBy(event.type()).orElse(null);
    if (event.time() == null) {
      throw new PoisonEventException(event.type() + " for order " + event.orderId() + " has no time; the view orders its timeline by it");
    }
    int fresh =
        jdbc.update(
            "INSERT INTO order_view_event (event_id, order_id, type, source, order_status, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            event.id(), event.orderId(), event.type(), event.source(), reached == null ? null : reached.name(),
            Timestamp.from(event.time()));
    if (fresh == 0) {
      return false;
    }
    jdbc.update(
        "INSERT INTO order_view (order_id, status, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        event.orderId(), OrderStatus.PLACED.name(), Timestamp.from(event.time()));
    OrderStatus current =
        OrderStatus.valueOf(jdbc.queryForObject("SELECT status FROM order_view WHERE order_id = ? FOR UPDATE", String.class, event.orderId()));
    applyData(event);
    if (reached != null && current.canAdvanceTo(reached)) {
      jdbc.update("UPDATE order_view SET status = ? WHERE order_id = ?", reached.name(), event.orderId());
    }
    jdbc.update("UPDATE order_view SET updated_at = GREATEST(updated_at, ?) WHERE order_id = ?", Timestamp.from(event.time()), event.orderId());
    return true;
  }

  private void applyData(EventEnvelope event) {
    if (is(event, OrderEventType.OrderPlaced)) {
      OrderPlaced placed = reader.data(event, OrderPlaced.class);
      jdbc.update(
          "UPDATE order_view SET customer_id = ?, product_id = ?, product_name = ?, quantity = ?, unit_price = ?, amount = ?, "
              + "placed_at = ? WHERE order_id = ?",
          placed.customerId(), placed.productId(), placed.productName(), placed.quantity(), placed.unitPrice(), placed.amount(),
          Timestamp.from(event.time()), event.orderId());
    } else if (is(event, PaymentEventType.PayPlaced)) {
      PaymentView payment = reader.data(event, PaymentView.class);
      jdbc.update("UPDATE order_view SET bank_account = ?, transfer_reference = ? WHERE order_id = ?",
          payment.bankAccount(), payment.transferReference(), event.orderId());
      advancePayment(event, PaymentStatus.PLACED);
    } else if (is(event, PaymentEventType.PayChecked)) {
      advancePayment(event, PaymentStatus.CHECKED);
    } else if (is(event, PaymentEventType.PayCanceled)) {
      PaymentStatus status = reader.data(event, PaymentView.class).status();
      advancePayment(event, status == null ? PaymentStatus.CANCELED : status);
    } else if (is(event, DeliveryEventType.DeliveryStarted)) {
      DeliveryView delivery = reader.data(event, DeliveryView.class);
      jdbc.update(
          "UPDATE order_view SET delivery_status = ?, carrier = ?, tracking_number = ? WHERE order_id = ?",
          delivery.status() == null ? DeliveryStatus.STARTED.name() : delivery.status().name(), delivery.carrier(), delivery.trackingNumber(),
          event.orderId());
    } else if (is(event, OrderEventType.OrderCanceled)) {
      jdbc.update("UPDATE order_view SET cancellation_reason = ? WHERE order_id = ?",
          reader.data(event, OrderSnapshot.class).cancellationReason(), event.orderId());
    }
    // QtyDecreased, QtyRestored, ReceiptConfirmed, OrderClosed: the timeline and the status say it all
  }

  private static boolean is(EventEnvelope event, Enum<?> type) {
    return type.name().equals(event.type());
  }

  private void advancePayment(EventEnvelope event, PaymentStatus paymentStatus) {
    String current = jdbc.queryForObject("SELECT payment_status FROM order_view WHERE order_id = ?", String.class, event.orderId());
    if (current == null || PAYMENT_RANK.get(paymentStatus) > PAYMENT_RANK.get(PaymentStatus.valueOf(current))) {
      jdbc.update("UPDATE order_view SET payment_status = ? WHERE order_id = ?", paymentStatus.name(), event.orderId());
    }
  }

  /** Forgets everything, before the view is built again from the topics. */
  @Transactional
  public void clear() {
    jdbc.update("TRUNCATE order_view_event, order_view");
  }
}
