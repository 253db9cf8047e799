package io.sagashop.load;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code ./sagashop load --orders N --concurrency C}: a crowd on the shop {@code ./sagashop run}
 * runs, or, when none runs, on one started for this run and stopped after it. Prints the figures
 * and the broken invariants; exits 1 when one is broken.
 */
public final class LoadMain {

  private LoadMain() {}

  public static void main(String[] args) {
    CommandLine.run(args, LoadArguments::parse, (arguments, settings) -> {
      if (isRunning(settings)) {
        CommandLine.console.info("Using the shop running at {}", settings.entryUrl());
        return Crowd.run(ShopAddress.of(settings, ShopPasswords.of(settings, System::getenv)), arguments.plan(), CommandLine.console::info);
      }
      CommandLine.console.info("No shop answers at {}; starting one for this run (it stops afterwards) ...", settings.url(ShopService.ORCHESTRATOR));
      try (LocalStack stack = LocalStack.start(settings, System::getenv)) {
        return Crowd.run(ShopAddress.of(stack), arguments.plan(), CommandLine.console::info);
      }
    });
  }

  /**
   * The orchestrator of {@code ./sagashop run} answers on its port (the engine's REST API turns a
   * caller without a token away): its probes are on a management port of each replica, which
   * depends on how many replicas that shop runs.
   */
  public static boolean isRunning(StackSettings settings) {
    HttpRequest probe =
        HttpRequest.newBuilder(settings.url(ShopService.ORCHESTRATOR).resolve("/engine-rest/version"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return HttpClient.newHttpClient().send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
