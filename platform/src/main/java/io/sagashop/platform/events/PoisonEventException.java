package io.sagashop.platform.events;

/**
 * A record that can never be processed, however often it is retried (not JSON, no orderId, a
 * field of the wrong type): it goes to the dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }

  public PoisonEventException(String message) {
    super(message);
  }
}
