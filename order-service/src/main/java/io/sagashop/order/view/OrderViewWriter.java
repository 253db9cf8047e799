package io.sagashop.order.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.order.ordering.OrderStatus;
import io.sagashop.platform.events.EventEnvelope;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one event to the order view: once (the event id guards it), never moving the order or its
 * payment backwards, whatever order the events arrive in across topics.
 */
@Component
class OrderViewWriter {

  /** The event types the view knows; any other type is none of its business. */
  static final Set<String> KNOWN_TYPES =
      Set.of("OrderPlaced", "PayPlaced", "PayChecked", "PayCanceled", "QtyDecreased", "QtyRestored",
          "DeliveryStarted", "ReceiptConfirmed", "OrderClosed", "OrderCanceled");

  /** A payment only moves forward: placed, then checked, then cancelled or refunded. */
  private static final Map<String, Integer> PAYMENT_RANK = Map.of("PLACED", 1, "CHECKED", 2, "CANCELED", 3, "REFUNDED", 3);

  private final JdbcTemplate jdbc;

  OrderViewWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** False when the event was applied before, or is of a type the view does not know. */
  @Transactional
  public boolean apply(EventEnvelope event) {
    if (!KNOWN_TYPES.contains(event.type())) {
      return false;
    }
    int fresh =
        jdbc.update(
            "INSERT INTO order_view_event (event_id, order_id, type, source, order_status, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            event.id(), event.orderId(), event.type(), event.source(), event.orderStatus(), Timestamp.from(event.time()));
    if (fresh == 0) {
      return false;
    }
    jdbc.update(
        "INSERT INTO order_view (order_id, status, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        event.orderId(), OrderStatus.PLACED.name(), Timestamp.from(event.time()));
    OrderStatus current =
        OrderStatus.valueOf(jdbc.queryForObject("SELECT status FROM order_view WHERE order_id = ? FOR UPDATE", String.class, event.orderId()));
    applyData(event, event.data() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : event.data());
    if (event.orderStatus() != null && current.canAdvanceTo(OrderStatus.valueOf(event.orderStatus()))) {
      jdbc.update("UPDATE order_view SET status = ? WHERE order_id = ?", event.orderStatus(), event.orderId());
    }
    jdbc.update("UPDATE order_view SET updated_at = GREATEST(updated_at, ?) WHERE order_id = ?", Timestamp.from(event.time()), event.orderId());
    return true;
  }

  private void applyData(EventEnvelope event, JsonNode data) {
    switch (event.type()) {
      case "OrderPlaced" -> jdbc.update(
          "UPDATE order_view SET customer_id = ?, product_id = ?, product_name = ?, quantity = ?, unit_price = ?, amount = ?, "
              + "placed_at = ? WHERE order_id = ?",
          text(data, "customerId"), text(data, "productId"), text(data, "productName"), data.path("quantity").asInt(),
          data.path("unitPrice").decimalValue(), data.path("amount").decimalValue(), Timestamp.from(event.time()), event.orderId());
      case "PayPlaced" -> {
        jdbc.update("UPDATE order_view SET bank_account = ?, transfer_reference = ? WHERE order_id = ?",
            text(data, "bankAccount"), text(data, "transferReference"), event.orderId());
        advancePayment(event, "PLACED");
      }
      case "PayChecked" -> advancePayment(event, "CHECKED");
      case "PayCanceled" -> advancePayment(event, data.path("status").asText("CANCELED"));
      case "DeliveryStarted" -> jdbc.update(
          "UPDATE order_view SET delivery_status = ?, carrier = ?, tracking_number = ? WHERE order_id = ?",
          data.path("status").asText("STARTED"), text(data, "carrier"), text(data, "trackingNumber"), event.orderId());
      case "OrderCanceled" -> jdbc.update("UPDATE order_view SET cancellation_reason = ? WHERE order_id = ?",
          text(data, "cancellationReason"), event.orderId());
      default -> {
        // QtyDecreased, QtyRestored, ReceiptConfirmed, OrderClosed: the timeline and the status say it all
      }
    }
  }

  private void advancePayment(EventEnvelope event, String paymentStatus) {
    String current = jdbc.queryForObject("SELECT payment_status FROM order_view WHERE order_id = ?", String.class, event.orderId());
    if (current == null || PAYMENT_RANK.getOrDefault(paymentStatus, 0) > PAYMENT_RANK.getOrDefault(current, 0)) {
      jdbc.update("UPDATE order_view SET payment_status = ? WHERE order_id = ?", paymentStatus, event.orderId());
    }
  }

  private static String text(JsonNode data, String field) {
    return data.hasNonNull(field) ? data.get(field).asText() : null;
  }

  /** Forgets everything, before the view is built again from the topics. */
  @Transactional
  public void clear() {
    jdbc.update("TRUNCATE order_view_event, order_view");
  }
}
