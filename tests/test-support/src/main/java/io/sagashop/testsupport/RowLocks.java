package io.sagashop.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether another session holds a row's lock, asked from a connection of its own without waiting. */
public final class RowLocks {

  /** PostgreSQL's SQLSTATE for a lock that NOWAIT could not take. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private RowLocks() {}

  /** True when some other transaction holds a lock on the row of {@code table} whose {@code column} is {@code key}. */
  public static boolean isLocked(DataSource dataSource, String table, String column, Object key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE " + column + " = ? FOR UPDATE NOWAIT")) {
      connection.setAutoCommit(false);
      statement.setObject(1, key);
      try {
        statement.executeQuery().close();
        return false;
      } catch (SQLException refused) {
        if (LOCK_NOT_AVAILABLE.equals(refused.getSQLState())) {
          return true;
        }
        throw refused;
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot ask for the lock of " + table + " " + key, e);
    }
  }
}
