package io.sagashop.stack;

/** The wait between two looks at a part that is still starting. */
final class Pause {

  private static final long MILLIS = 500;

  private Pause() {}

  static void briefly() {
    try {
      Thread.sleep(MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while waiting for the stack to start", e);
    }
  }
}
