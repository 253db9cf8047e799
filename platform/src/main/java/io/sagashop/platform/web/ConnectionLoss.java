package io.sagashop.platform.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a lost database connection from a bug, whatever Spring or Hibernate wrapped it in: when
 * PostgreSQL dies mid-transaction even the rollback fails, and that arrives as a generic
 * "Unable to rollback against JDBC Connection".
 */
final class ConnectionLoss {

  /** SQLSTATE class 08 is "connection exception", 57P "operator intervention" (the server is shutting down or crashed). */
  private static final String CONNECTION_EXCEPTION = "08";
  private static final String OPERATOR_INTERVENTION = "57P";
  /**
   * HikariCP's answer, without an SQLSTATE, on a connection it has already evicted as broken: what
   * a rollback meets after PostgreSQL died in the middle of the transaction.
   */
  private static final String POOL_CLOSED_THE_CONNECTION = "Connection is closed";

  private ConnectionLoss() {}

  static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION) || sql.getSQLState().startsWith(OPERATOR_INTERVENTION))) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() == null && POOL_CLOSED_THE_CONNECTION.equals(sql.getMessage())) {
        return true;
      }
    }
    return false;
  }
}
