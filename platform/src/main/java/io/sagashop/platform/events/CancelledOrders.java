package io.sagashop.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The orders a service has heard were cancelled, in its own {@code cancelled_order}
 * table, so that a late request for such an order (a payment to open, goods to ship) does nothing.
 */
public class CancelledOrders {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final OrderLocks locks;

  CancelledOrders(JdbcTemplate jdbc, Clock clock, OrderLocks locks) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.locks = locks;
  }

  /**
   * Remembers the cancellation; repeating it changes nothing. True the first time. Holds the order's lock until the
   * transaction ends: a step for the same order that holds it too (see {@link OrderLocks}) runs
   * wholly before or wholly after, never between the check and its write.
   */
  public boolean record(UUID orderId) {
    locks.hold(orderId);
    return jdbc.update(
        "INSERT INTO cancelled_order (order_id, cancelled_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        orderId,
        Timestamp.from(clock.instant())) > 0;
  }

  public boolean contains(UUID orderId) {
    return jdbc.queryForObject("SELECT count(*) FROM cancelled_order WHERE order_id = ?", Integer.class, orderId) > 0;
  }
}
