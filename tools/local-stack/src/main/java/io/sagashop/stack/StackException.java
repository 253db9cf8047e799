package io.sagashop.stack;

/** A problem the person starting the stack can fix; its message says what is wrong and what to do. */
public class StackException extends RuntimeException {

  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
