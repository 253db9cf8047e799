package io.sagashop.testsupport;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lock a test holds in the service's database, so that concurrent requests line up behind it at
 * a chosen point and then run into each other the moment it is released: a race made to happen
 * every time instead of once in a thousand runs.
 */
public final class HeldLock implements AutoCloseable {

  private final Connection connection;
  private final JdbcTemplate jdbc;

  private HeldLock(Connection connection, JdbcTemplate jdbc) {
    this.connection = connection;
    this.jdbc = jdbc;
  }

  /** Runs the locking statement (SELECT ... FOR UPDATE, LOCK TABLE ...) in a transaction kept open. */
  public static HeldLock take(DataSource dataSource, String sql, Object... parameters) {
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setObject(i + 1, parameters[i]);
        }
        statement.execute();
      }
      return new HeldLock(connection, new JdbcTemplate(dataSource));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the lock: " + sql, e);
    }
  }

  /** Waits until this many other sessions of the database wait for a lock (this one or another). */
  public void awaitWaiting(int sessions) {
    await().atMost(Duration.ofSeconds(20)).until(() -> waiting() >= sessions);
  }

  /** Sessions of this database now waiting for a lock. */
  public int waiting() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", Integer.class);
  }

  /** Commits, and so lets everything that waited for the lock go. */
  public void release() {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot release the lock", e);
    }
  }

  @Override
  public void close() {
    try (connection) {
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the lock's connection", e);
    }
  }
}
