package io.sagashop.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sagashop run}: starts the whole shop, prints where everything is, and stops it all on
 * Ctrl-C. {@code --fresh} starts from empty databases and topics.
 */
public final class LocalStackMain {

  private static final Logger console = LoggerFactory.getLogger("sagashop");

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    List<String> arguments = List.of(args);
    Path root = Path.of(System.getProperty("sagashop.root", ".")).toAbsolutePath().normalize();
    StackSettings settings;
    LocalStack stack;
    try {
      settings = StackSettings.fromEnvironment(root, System::getenv);
      console.info("Starting sagashop from {}", root);
      stack =
          arguments.contains("--fresh")
              ? LocalStack.startFresh(settings, System::getenv)
              : LocalStack.start(settings, System::getenv);
    } catch (StackException e) {
      console.error(e.getMessage());
      System.exit(1);
      return;
    } catch (RuntimeException | Error e) {
      // Nothing a newcomer could act on was foreseen here: one line, the details at debug level.
      console.error(StartupFailure.explain(e));
      console.debug("Start-up failed", e);
      System.exit(1);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    LocalStack running = stack;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      console.info("Stopping sagashop ...");
      running.close();
      console.info("Stopped.");
      stopped.countDown();
    }, "sagashop-stop"));
    printWelcome(stack);
    stopped.await();
  }

  private static void printWelcome(LocalStack stack) {
    String camunda = stack.url(ShopService.ORCHESTRATOR) + "/camunda/app/";
    console.info("""

        sagashop is running.
          Shop (customers)      {}
          Orders API            {}/orders
          Cockpit / Tasklist    {}  (Cockpit: cockpit/default/, Tasklist: tasklist/default/)
          Engine REST API       {}/engine-rest  (HTTP Basic)
          Payments API          {}/payments
          Products API          {}/products
          Deliveries API        {}/deliveries
          Kafka                 {}
          PostgreSQL            {}
        Users
          admin   / {}   (Cockpit, Tasklist, Admin)
          seller  / {}   (Tasklist: confirms deposits)
        Logs in {}
        Press Ctrl-C to stop everything.
        """,
        stack.url(ShopService.ORDER),
        stack.url(ShopService.ORDER),
        camunda,
        stack.url(ShopService.ORCHESTRATOR),
        stack.url(ShopService.PAYMENT),
        stack.url(ShopService.INVENTORY),
        stack.url(ShopService.DELIVERY),
        stack.kafkaBootstrapServers(),
        stack.database(ShopService.ORDER).url().replaceAll("/[^/]*$", "/"),
        stack.passwords().admin(),
        stack.passwords().seller(),
        stack.settings().logDirectory());
  }
}
