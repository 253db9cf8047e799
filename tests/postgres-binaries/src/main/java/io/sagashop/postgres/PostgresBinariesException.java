package io.sagashop.postgres;

/** The binaries cannot be unpacked or run here; the message says why and what to do, in one line. */
public class PostgresBinariesException extends RuntimeException {

  public PostgresBinariesException(String message) {
    super(message);
  }

  public PostgresBinariesException(String message, Throwable cause) {
    super(message, cause);
  }
}
