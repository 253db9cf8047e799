package io.sagashop.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sagashop run}: starts the whole shop, prints where everything is, and stops it all on
 * Ctrl-C. {@code --fresh} starts from empty databases and topics; {@code --replicas N} runs N
 * processes of every service (two orchestrators make one Camunda cluster on one database);
 * {@code --no-tracing} starts no trace server.
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
      settings = StackSettings.fromEnvironment(root, System::getenv)
          .withReplicas(replicas(arguments))
          .withTracing(!arguments.contains("--no-tracing"));
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

  /** {@code --replicas N}, 1 when not given. */
  static int replicas(List<String> arguments) {
    int option = arguments.indexOf("--replicas");
    if (option < 0) {
      return 1;
    }
    if (option + 1 >= arguments.size()) {
      throw new StackException("--replicas needs a number, e.g. --replicas 2");
    }
    try {
      return Integer.parseInt(arguments.get(option + 1));
    } catch (NumberFormatException e) {
      throw new StackException("--replicas must be a whole number, but is '" + arguments.get(option + 1) + "'.");
    }
  }

  /** With replicas: each one's own address (the Camunda webapps keep a login per replica). */
  private static String replicaLines(LocalStack stack) {
    int replicas = stack.settings().replicas();
    if (replicas == 1) {
      return "";
    }
    StringBuilder lines = new StringBuilder("Replicas (the addresses above spread calls over them)\n");
    for (ShopService service : ShopService.values()) {
      lines.append(String.format("  %-20s", service.module()));
      for (int replica = 1; replica <= stack.settings().replicasOf(service); replica++) {
        lines.append("  ").append(stack.url(service, replica));
      }
      lines.append('\n');
    }
    return lines.toString();
  }

  private static void printWelcome(LocalStack stack) {
    // Customers and staff come in through the entry, as through the cluster's Ingress (which keeps a
    // browser on one orchestrator, since a webapp login lives in its session).
    String camunda = stack.entryUrl() + "/camunda/app/";
    console.info("""

        sagashop is running.
          Shop (customers)      {}  (the entry, as the cluster's Ingress; register and sign in there)
          Orders API            {}/orders  (a customer's bearer token)
          Sign-in (OpenID)      {}
          Cockpit / Tasklist    {}  (Cockpit: cockpit/default/, Tasklist: tasklist/default/)
          Engine REST API       {}/engine-rest  (a seller's or operator's bearer token)
          Payments API          {}/payments  (this and the two below: the services' own ports, inside the cluster only)
          Products API          {}/products
          Deliveries API        {}/deliveries
          Kafka                 {}
          PostgreSQL            {}
          Traces (Zipkin)       {}
          Probes and metrics    {}/actuator/prometheus  (every service on its port + 50: health/readiness, health/liveness, prometheus)
        Users (on the sign-in page, for the shop and Camunda alike; customers register on the shop page)
          admin   / {}   (Cockpit, Tasklist, Admin; operator)
          seller  / {}   (Tasklist: confirms deposits; catalog)
        {}Logs in {}
        Press Ctrl-C to stop everything.
        """,
        stack.entryUrl(),
        stack.entryUrl(),
        stack.url(ShopService.IDENTITY),
        camunda,
        stack.entryUrl(),
        stack.url(ShopService.PAYMENT),
        stack.url(ShopService.INVENTORY),
        stack.url(ShopService.DELIVERY),
        stack.kafkaConnection().mechanism() == null
            ? stack.kafkaBootstrapServers()
            : stack.kafkaBootstrapServers() + "  (SASL: each service as its own user, with its ACLs; tools as admin, PLAIN, "
                + ShopPasswords.KAFKA_ADMIN_VARIABLE + " in " + stack.settings().dataDirectory().resolve("passwords.properties") + ")",
        stack.database(ShopService.ORDER).url().replaceAll("/[^/]*$", "/"),
        stack.traceServerUrl().map(url -> url + "/zipkin/  (find an order's trace by its traceId, shown in Cockpit)").orElse("off"),
        stack.managementUrl(ShopService.ORCHESTRATOR, 1),
        stack.passwords().admin(),
        stack.passwords().seller(),
        replicaLines(stack),
        stack.settings().logDirectory());
  }
}
