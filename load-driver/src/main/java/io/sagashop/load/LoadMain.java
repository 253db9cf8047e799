package io.sagashop.load;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackException;
import io.sagashop.stack.StackSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sagashop load --orders N --concurrency C}: a crowd on the shop {@code ./sagashop run}
 * runs, or, when none runs, on one started for this run and stopped after it. Prints the figures
 * and the broken invariants; exits 1 when one is broken.
 */
public final class LoadMain {

  private static final Logger console = LoggerFactory.getLogger("sagashop");

  private LoadMain() {}

  public static void main(String[] args) {
    LoadArguments arguments;
    try {
      arguments = LoadArguments.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      console.error(e.getMessage());
      System.exit(2);
      return;
    }
    Path root = Path.of(System.getProperty("sagashop.root", ".")).toAbsolutePath().normalize();
    CrowdReport report;
    try {
      StackSettings settings = StackSettings.fromEnvironment(root, System::getenv);
      if (isRunning(settings)) {
        console.info("Using the shop running at {}", settings.url(ShopService.ORDER));
        report = Crowd.run(ShopAddress.of(settings, ShopPasswords.of(settings, System::getenv)), arguments.plan(), console::info);
      } else {
        console.info("No shop answers at {}; starting one for this run (it stops afterwards) ...", settings.url(ShopService.ORCHESTRATOR));
        try (LocalStack stack = LocalStack.start(settings, System::getenv)) {
          report = Crowd.run(ShopAddress.of(stack), arguments.plan(), console::info);
        }
      }
    } catch (StackException | IllegalStateException e) {
      console.error(e.getMessage());
      System.exit(1);
      return;
    }
    report.lines().forEach(console::info);
    System.exit(report.holds() ? 0 : 1);
  }

  /** The orchestrator of {@code ./sagashop run} answers its readiness probe on its port. */
  private static boolean isRunning(StackSettings settings) {
    HttpRequest probe =
        HttpRequest.newBuilder(settings.url(ShopService.ORCHESTRATOR).resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return HttpClient.newHttpClient().send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
