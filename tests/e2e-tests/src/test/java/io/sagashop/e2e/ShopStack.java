package io.sagashop.e2e;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The shop under test: one local stack per test JVM, started on first use from the jars the build
 * just packaged, on free ports and fresh data, and stopped when the JVM ends.
 */
final class ShopStack {

  /** Low enough that a test's burst goes beyond it, high enough for the tests that order one by one. */
  static final int MAX_CONCURRENT_PLACEMENTS = 4;

  /** How long the saga waits for a delivery to start before it asks delivery-service to cancel it. */
  static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(20);

  private static LocalStack stack;

  private ShopStack() {}

  static synchronized LocalStack get() {
    if (stack == null) {
      Path root = Path.of(System.getProperty("sagashop.root", "../..")).toAbsolutePath().normalize();
      Path data =
          root.resolve("tests/e2e-tests/target/stack-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      StackSettings settings =
          StackSettings.forTests(root, data).withServiceEnvironment(Map.of(
              // Failing steps retry for about 40 seconds, then raise an incident (production: 7 minutes).
              "SAGASHOP_SAGA_RETRY_CYCLE", "PT1S,PT3S,PT5S,PT10S,PT20S",
              // Short enough that a delivery-service stopped by a test outlives it (production: 7 days).
              "SAGASHOP_SAGA_DELIVERY_DEADLINE", DELIVERY_DEADLINE.toString(),
              "SAGASHOP_ORDER_ADMISSION_MAX_CONCURRENT", String.valueOf(MAX_CONCURRENT_PLACEMENTS)));
      stack = LocalStack.start(settings, System::getenv);
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "shop-stack-stop"));
    }
    return stack;
  }
}
