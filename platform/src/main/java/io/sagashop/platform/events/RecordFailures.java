package io.sagashop.platform.events;

import java.sql.SQLException;

/**
 * Which failures of a consumer no retry can cure. Besides poison (a record that cannot be read), a
 * record the database refuses for its data (SQLSTATE class 22: a value too long or out of range)
 * is refused the same way every time; retried without end, it held up every later record of its
 * partition. A database that is down or a lock conflict, by contrast, passes.
 */
final class RecordFailures {

  private static final String DATA_EXCEPTION_CLASS = "22";

  private RecordFailures() {}

  static boolean neverSucceeds(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PoisonEventException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
        return true;
      }
    }
    return false;
  }
}
