package io.sagashop.e2e;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.StackSettings;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The shop under test: one local stack per test JVM, started on first use from the jars the build
 * just packaged, on free ports and fresh data, and stopped when the JVM ends.
 */
final class ShopStack {

  private static LocalStack stack;

  private ShopStack() {}

  static synchronized LocalStack get() {
    if (stack == null) {
      Path root = Path.of(System.getProperty("sagashop.root", "..")).toAbsolutePath().normalize();
      Path data =
          root.resolve("e2e-tests/target/stack-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      stack = LocalStack.start(StackSettings.forTests(root, data), System::getenv);
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "shop-stack-stop"));
    }
    return stack;
  }
}
