package io.sagashop.platform.events;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One lock per order in a service's PostgreSQL, held until the current transaction ends. Changes to
 * one order that start from different messages (a request to open a payment and the order's
 * cancellation, say) take it first, so that they run one after the other and each sees what the
 * other committed. A row lock cannot do this while the row does not exist yet.
 */
public class OrderLocks {

  private final JdbcTemplate jdbc;

  OrderLocks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits for the order's lock; the commit or rollback of the current transaction releases it. */
  public void hold(UUID orderId) {
    jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", orderId.getMostSignificantBits() ^ orderId.getLeastSignificantBits());
  }
}
