package io.sagashop.stack;

/**
 * Lets a helper JVM (PostgreSQL, Kafka) end with the launcher that started it, even when the
 * launcher is killed hard and cannot stop it: no database or broker is left holding the data
 * directory and the ports.
 */
final class ParentWatch {

  private ParentWatch() {}

  static void exitWithParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(
            parent -> {
              Thread watch =
                  new Thread(
                      () -> {
                        parent.onExit().join();
                        // Runs the shutdown hooks: the server stops cleanly.
                        System.exit(0);
                      },
                      "parent-watch");
              watch.setDaemon(true);
              watch.start();
            });
  }
}
