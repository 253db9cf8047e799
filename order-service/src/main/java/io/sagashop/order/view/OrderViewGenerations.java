package io.sagashop.order.view;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The generations of the order view, shared by every order-service replica through the database.
 * A rebuild empties the view and counts one generation up in one transaction, so however many
 * replicas are asked, each request empties the view exactly once, and every replica learns that it
 * must read the topics again ({@link OrderViewProjection}).
 */
@Component
class OrderViewGenerations {

  private final JdbcTemplate jdbc;
  private final OrderViewWriter writer;
  private final Clock clock;

  OrderViewGenerations(JdbcTemplate jdbc, OrderViewWriter writer, Clock clock) {
    this.jdbc = jdbc;
    this.writer = writer;
    this.clock = clock;
  }

  int current() {
    return jdbc.queryForObject("SELECT generation FROM order_view_generation", Integer.class);
  }

  /** Empties the view and starts the next generation; concurrent rebuilds run one after the other. */
  @Transactional
  int startNext() {
    int next = jdbc.queryForObject(
        "UPDATE order_view_generation SET generation = generation + 1, started_at = ? RETURNING generation",
        Integer.class, Timestamp.from(clock.instant()));
    writer.clear();
    return next;
  }
}
