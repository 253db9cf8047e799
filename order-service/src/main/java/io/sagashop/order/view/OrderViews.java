package io.sagashop.order.view;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the order view; nothing here asks another service. */
@Service
public class OrderViews {

  private static final String COLUMNS =
      "order_id, customer_id, product_id, product_name, quantity, unit_price, amount, status, payment_status, bank_account, "
          + "transfer_reference, delivery_status, carrier, tracking_number, cancellation_reason, placed_at, updated_at";

  private final JdbcTemplate jdbc;

  OrderViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<OrderScreen> find(UUID orderId) {
    List<OrderScreen> found =
        jdbc.query("SELECT " + COLUMNS + " FROM order_view WHERE order_id = ?", (row, i) -> screen(row, timeline(orderId)), orderId);
    return found.stream().findFirst();
  }

  /** A customer's orders, newest first, without their timelines. */
  @Transactional(readOnly = true)
  public Page ofCustomer(String customerId, int page, int size) {
    List<OrderScreen> orders =
        jdbc.query(
            "SELECT " + COLUMNS + " FROM order_view WHERE customer_id = ? ORDER BY placed_at DESC NULLS LAST, order_id LIMIT ? OFFSET ?",
            (row, i) -> screen(row, List.of()),
            customerId, size, (long) page * size);
    long total = jdbc.queryForObject("SELECT count(*) FROM order_view WHERE customer_id = ?", Long.class, customerId);
    return new Page(orders, page, size, total);
  }

  /** One page of a customer's orders. */
  public record Page(List<OrderScreen> orders, int page, int size, long totalElements) {}

  private List<OrderScreen.TimelineEntry> timeline(UUID orderId) {
    return jdbc.query(
        "SELECT type, order_status, source, occurred_at FROM order_view_event WHERE order_id = ? ORDER BY occurred_at, type",
        (row, i) -> new OrderScreen.TimelineEntry(row.getString(1), row.getString(2), row.getString(3), instant(row.getTimestamp(4))),
        orderId);
  }

  private static OrderScreen screen(ResultSet row, List<OrderScreen.TimelineEntry> timeline) throws SQLException {
    String status = row.getString("status");
    BigDecimal amount = row.getBigDecimal("amount");
    String paymentStatus = row.getString("payment_status");
    boolean awaitingDeposit = "PLACED".equals(paymentStatus) && "AWAITING_DEPOSIT".equals(status);
    return new OrderScreen(
        row.getObject("order_id", UUID.class),
        row.getString("customer_id"),
        row.getString("product_id"),
        row.getString("product_name"),
        (Integer) row.getObject("quantity"),
        row.getBigDecimal("unit_price"),
        amount,
        status,
        row.getString("cancellation_reason"),
        awaitingDeposit
            ? new OrderScreen.TransferInstructions(row.getString("bank_account"), amount, row.getString("transfer_reference"))
            : null,
        paymentStatus == null ? null : new OrderScreen.Payment(paymentStatus),
        row.getString("delivery_status") == null
            ? null
            : new OrderScreen.Delivery(row.getString("delivery_status"), row.getString("carrier"), row.getString("tracking_number")),
        timeline,
        instant(row.getTimestamp("placed_at")),
        instant(row.getTimestamp("updated_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
