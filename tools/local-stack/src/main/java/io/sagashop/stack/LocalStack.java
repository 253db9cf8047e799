package io.sagashop.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole shop on one machine: PostgreSQL, Kafka and the five services, each in a process of
 * its own (or several: replicas behind a {@link FrontDoor} on the service's port). Used by {@code
 * ./sagashop run}, by the end-to-end tests, which stop and start single parts of it to see that the
 * rest copes, and by the chaos run, which kills them.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final StackSettings settings;
  private final StackLock lock;
  private final PidFile pids;
  private final ShopPasswords passwords;
  private final PostgresServer postgres;
  private final KafkaBroker kafka;
  private final KafkaUsers kafkaUsers;
  /** The services' Kafka passwords: new on every start, since every start gives them to the broker again. */
  private final Map<String, String> kafkaPasswords = new HashMap<>();
  private final TraceServer traces;
  private final Map<ShopService, List<ServiceProcess>> services = new EnumMap<>(ShopService.class);
  private final List<FrontDoor> frontDoors = new ArrayList<>();
  private final IngressRoutes routes = IngressRoutes.load();
  private ShopEntry entry;

  private LocalStack(StackSettings settings, Function<String, String> env, boolean fresh) {
    this.settings = settings;
    this.lock = StackLock.acquire(settings.dataDirectory());
    if (fresh) {
      StackData.wipe(settings);
    }
    this.pids = new PidFile(settings.dataDirectory().resolve("stack.pids"));
    this.passwords = ShopPasswords.of(settings, env);
    this.postgres = new PostgresServer(settings, pids);
    this.kafka = KafkaBroker.of(settings, passwords, pids);
    this.kafkaUsers = KafkaUsers.load();
    kafkaUsers.names().forEach(user -> kafkaPasswords.put(user, ShopPasswords.generate()));
    this.traces = TraceServer.of(settings, pids);
  }

  /** Starts everything and returns when every service reports ready. */
  public static LocalStack start(StackSettings settings, Function<String, String> env) {
    return start(settings, env, false);
  }

  /** Starts from empty databases and topics (the generated passwords stay). */
  public static LocalStack startFresh(StackSettings settings, Function<String, String> env) {
    return start(settings, env, true);
  }

  private static LocalStack start(StackSettings settings, Function<String, String> env, boolean fresh) {
    LocalStack stack = new LocalStack(settings, env, fresh);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() {
    Instant started = Instant.now();
    pids.endOrphans();
    requireFreePorts();
    Preflight.check(settings);

    CompletableFuture<Void> database = CompletableFuture.runAsync(postgres::start);
    CompletableFuture<Void> broker = CompletableFuture.runAsync(kafka::start);
    CompletableFuture<Void> traceServer = CompletableFuture.runAsync(traces::start);
    join(database);
    postgres.ensureDatabases(Arrays.stream(ShopService.values()).map(ShopService::database).toList());
    log.info("PostgreSQL ready at {}", postgres.jdbcUrl(""));
    join(broker);
    kafka.ensureTopics(StackTopics.all());
    kafka.ensureUsers(kafkaUsers, kafkaPasswords);
    log.info("Kafka ready at {}", kafka.bootstrapServers());
    join(traceServer);
    if (traces.isReady()) {
      log.info("Zipkin ready at {}", traces.url());
    }

    for (ShopService service : ShopService.values()) {
      List<ServiceProcess> replicas = new ArrayList<>();
      for (int replica = 1; replica <= settings.replicasOf(service); replica++) {
        replicas.add(new ServiceProcess(service, replica, settings, environmentOf(service, replica), pids));
      }
      services.put(service, replicas);
      if (settings.replicasOf(service) > 1) {
        List<FrontDoor.Upstream> upstreams =
            replicas.stream().map(process -> new FrontDoor.Upstream(process.port(), process::isReady)).toList();
        FrontDoor door = new FrontDoor(service.module(), settings.port(service), upstreams);
        door.open();
        frontDoors.add(door);
      }
    }
    entry = new ShopEntry(settings.entryPort(), routes, new ShopEntry.Backends() {
      @Override
      public URI url(ShopService service) {
        return settings.url(service);
      }

      @Override
      public int replicas(ShopService service) {
        return services.get(service).size();
      }

      @Override
      public URI url(ShopService service, int replica) {
        return LocalStack.this.url(service, replica);
      }

      @Override
      public boolean isReady(ShopService service, int replica) {
        return services.get(service).get(replica - 1).isReady();
      }
    });
    entry.open();
    log.info("Starting the services; their logs are in {}", settings.logDirectory());
    // Replica by replica, as a rolling deployment would: the first of each creates the schemas
    // (Camunda's tables are not safe to create from two nodes at once), the others find them.
    for (int replica = 1; replica <= settings.replicas(); replica++) {
      int index = replica - 1;
      List<ServiceProcess> wave = services.values().stream().filter(replicas -> replicas.size() > index).map(replicas -> replicas.get(index)).toList();
      wave.forEach(ServiceProcess::start);
      join(CompletableFuture.allOf(
          wave.stream().map(process -> CompletableFuture.runAsync(process::awaitReady)).toArray(CompletableFuture[]::new)));
    }
    log.info("All services ready after {}s", Duration.between(started, Instant.now()).toSeconds());
  }

  /** Stops every replica of one service, as an outage or a deployment would; the rest keeps running. */
  public void stop(ShopService service) {
    join(CompletableFuture.allOf(
        services.get(service).stream().map(process -> CompletableFuture.runAsync(process::stop)).toArray(CompletableFuture[]::new)));
  }

  /** Starts a stopped service again and waits until it is ready. */
  public void start(ShopService service) {
    services.get(service).forEach(ServiceProcess::start);
    services.get(service).forEach(ServiceProcess::awaitReady);
  }

  public boolean isRunning(ShopService service) {
    return services.get(service).stream().anyMatch(ServiceProcess::isAlive);
  }

  /** Every part that can die on its own: each replica of each service, and the embedded broker and database. */
  public List<StackPart> parts() {
    List<StackPart> parts = new ArrayList<>();
    services.values().forEach(replicas -> replicas.forEach(process -> parts.add(StackPart.replica(process.service(), replicas.indexOf(process) + 1))));
    if (kafka.isEmbedded()) {
      parts.add(StackPart.KAFKA);
    }
    if (postgres.isEmbedded()) {
      parts.add(StackPart.POSTGRES);
    }
    return parts;
  }

  /** SIGKILL to one part: no shutdown hook runs, nothing is flushed or committed. */
  public void kill(StackPart part) {
    switch (part.kind()) {
      case KAFKA -> kafka.kill();
      case POSTGRES -> postgres.kill();
      case SERVICE, ORCHESTRATOR -> replica(part).kill();
    }
  }

  /**
   * SIGSTOP to one replica: it keeps its sockets, database connections, row locks, Kafka group
   * membership and job locks, and answers nothing until {@link #resume}. Only replicas: the broker
   * and the database have no second one to take over.
   */
  public void pause(StackPart part) {
    replicaOnly(part).pause();
  }

  /** SIGCONT to a paused replica, and back when its readiness probe is UP again. */
  public void resume(StackPart part) {
    ServiceProcess replica = replicaOnly(part);
    replica.resume();
    replica.awaitReady();
  }

  private ServiceProcess replicaOnly(StackPart part) {
    if (part.service() == null) {
      throw new StackException(part + " has no second one to take over: only a service replica is paused");
    }
    return replica(part);
  }

  /** Starts a part that was killed or stopped, and returns when it is ready (a replica: its readiness probe is UP). */
  public void restart(StackPart part) {
    switch (part.kind()) {
      case KAFKA -> kafka.start();
      case POSTGRES -> postgres.start();
      case SERVICE, ORCHESTRATOR -> {
        replica(part).start();
        replica(part).awaitReady();
      }
    }
  }

  /**
   * A rolling update of one replica: it stops gracefully, starts from {@code jar} (another build of
   * the service) and is back when its readiness probe is UP; the other replicas serve meanwhile.
   */
  public void replace(StackPart part, Path jar) {
    ServiceProcess replica = replicaOnly(part);
    log.info("Replacing {} by the build {}", replica.name(), jar);
    replica.replaceBy(jar);
    replica.awaitReady();
  }

  public boolean isRunning(StackPart part) {
    return switch (part.kind()) {
      case KAFKA -> kafka.isRunning();
      case POSTGRES -> postgres.isRunning();
      case SERVICE, ORCHESTRATOR -> replica(part).isAlive();
    };
  }

  private ServiceProcess replica(StackPart part) {
    return services.get(part.service()).get(part.replica() - 1);
  }

  /** Stops the embedded PostgreSQL; the services must ride it out. */
  public void stopPostgres() {
    requireEmbedded(postgres.isEmbedded());
    postgres.stop();
  }

  public void startPostgres() {
    requireEmbedded(postgres.isEmbedded());
    postgres.start();
  }

  /** Stops the embedded broker; producers and consumers must ride it out. */
  public void stopKafka() {
    requireEmbedded(kafka.isEmbedded());
    kafka.stop();
  }

  public void startKafka() {
    requireEmbedded(kafka.isEmbedded());
    kafka.start();
  }

  public boolean isKafkaRunning() {
    return kafka.isRunning();
  }

  /** Where a service answers: its only replica, or the front door that spreads calls over its replicas. */
  public URI url(ShopService service) {
    return settings.url(service);
  }

  /**
   * The shop's public entry, as the cluster's Ingress: the page, the customers' API, Cockpit, Tasklist
   * and the engine REST API; any path the Ingress does not route answers 404 there.
   */
  public URI entryUrl() {
    return settings.entryUrl();
  }

  /** The paths the entry serves, and where each leads. */
  public IngressRoutes routes() {
    return routes;
  }

  /** Where one replica (counted from 1) answers; the Camunda webapps keep their login per replica. */
  public URI url(ShopService service, int replica) {
    return services.get(service).get(replica - 1).baseUrl();
  }

  /** Where one replica's (counted from 1) probes and metrics answer. */
  public URI managementUrl(ShopService service, int replica) {
    return services.get(service).get(replica - 1).managementUrl();
  }

  /** Where the shop's traces can be read (Zipkin's UI and API), when the stack keeps them. */
  public Optional<URI> traceServerUrl() {
    return traces.isReady() ? Optional.of(traces.url()) : Optional.empty();
  }

  public ShopPasswords passwords() {
    return passwords;
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Kafka as the stack's tools reach it: the embedded broker's administrator, who may do anything. */
  public KafkaConnection kafkaConnection() {
    return kafka.administrator();
  }

  /** Kafka as one service reaches it: signed in as its own user, with that user's ACLs. */
  public KafkaConnection kafkaConnection(ShopService service) {
    return kafka.connectionOf(service.module(), kafkaPasswords.get(service.module()));
  }

  /** Where a service's database is, for checks behind the service's back. */
  public DatabaseAccess database(ShopService service) {
    return new DatabaseAccess(postgres.jdbcUrl(service.database()), postgres.user(), postgres.password());
  }

  /** A database of its own on the stack's PostgreSQL, created when missing: the benchmark's bare engine works there. */
  public DatabaseAccess databaseOfItsOwn(String name) {
    postgres.ensureDatabases(List.of(name));
    return new DatabaseAccess(postgres.jdbcUrl(name), postgres.user(), postgres.password());
  }

  /** JDBC URL and credentials of one database. */
  public record DatabaseAccess(String url, String user, String password) {

    @Override
    public String toString() {
      return url;
    }
  }

  public StackSettings settings() {
    return settings;
  }

  /** Stops the services first (they drain their work), then Kafka, then PostgreSQL. */
  @Override
  public void close() {
    join(CompletableFuture.allOf(
        services.values().stream()
            .flatMap(List::stream)
            .map(service -> CompletableFuture.runAsync(service::stop))
            .toArray(CompletableFuture[]::new)));
    frontDoors.forEach(FrontDoor::close);
    if (entry != null) {
      entry.close();
    }
    traces.stop();
    kafka.stop();
    postgres.stop();
    lock.close();
  }

  private Map<String, String> environmentOf(ShopService service, int replica) {
    Map<String, String> env = new HashMap<>(settings.serviceEnvironment());
    env.put("SERVER_PORT", String.valueOf(settings.port(service, replica)));
    // Only this machine reaches the shop: a laptop on a café's network must not serve its Cockpit.
    env.put("SERVER_ADDRESS", InetAddress.getLoopbackAddress().getHostAddress());
    // The actuator on a port of its own, as in Kubernetes: the shop's ports answer no stranger's
    // metrics read. Boot binds a management port to every interface unless told otherwise.
    env.put("MANAGEMENT_SERVER_PORT", String.valueOf(settings.managementPort(service, replica)));
    env.put("MANAGEMENT_SERVER_ADDRESS", InetAddress.getLoopbackAddress().getHostAddress());
    // "local": a shop that can take orders at once (inventory-service seeds a few products).
    env.put("SPRING_PROFILES_ACTIVE", "local");
    env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(service.database()));
    env.put("SPRING_DATASOURCE_USERNAME", postgres.user());
    env.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
    if (kafkaUsers.names().contains(service.module())) {
      env.putAll(kafkaConnection(service).serviceEnvironment());
    }
    for (ShopService other : ShopService.values()) {
      env.put(
          "SAGASHOP_SERVICES_" + other.name() + "_URL", "http://localhost:" + settings.port(other));
    }
    env.put("SAGASHOP_IDENTITY_ISSUER", settings.url(ShopService.IDENTITY).toString());
    if (traces.isReady()) {
      env.put("SAGASHOP_TRACING_EXPORT", "true");
      env.put("SAGASHOP_ZIPKIN_URL", traces.url().toString());
    }
    switch (service) {
      case ORCHESTRATOR -> env.put("SAGASHOP_CLIENT_SECRET", passwords.orchestratorClient());
      case ORDER -> env.put("SAGASHOP_CLIENT_SECRET", passwords.orderServiceClient());
      case IDENTITY -> {
        env.putAll(passwords.staffEnvironment());
        env.putAll(passwords.clientEnvironment());
        env.put("SAGASHOP_IDENTITY_SIGNING_KEY", "file:" + SigningKeyFile.ensure(settings.dataDirectory()));
        // the page, Cockpit and Tasklist are where the cluster has them: behind the entry
        env.put("SAGASHOP_PAGE_URL", settings.entryUrl() + "/");
        env.put("SAGASHOP_PAGE_ORIGIN", settings.entryUrl().toString());
        // where Cockpit and Tasklist send a signed-in seller back to
        env.put("SAGASHOP_ORCHESTRATOR_URL", settings.entryUrl().toString());
        // every customer of a crowd (./sagashop load, chaos, bench) registers from 127.0.0.1
        env.put("SAGASHOP_REGISTRATIONS_PER_HOUR", "1000000");
      }
      default -> { }
    }
    return env;
  }

  private void requireFreePorts() {
    List<String> taken = new ArrayList<>();
    settings.listeningPorts().forEach((port, part) -> {
      if (!StackSettings.isFree(port)) {
        taken.add("port " + port + " for " + part);
      }
    });
    if (!taken.isEmpty()) {
      throw new StackException(
          "Already in use: " + String.join(", ", taken)
              + ". Stop what listens there, or move the part with the variable in brackets.");
    }
  }

  private static void requireEmbedded(boolean embedded) {
    if (!embedded) {
      throw new IllegalStateException("The stack uses an external server there; it cannot stop or start it");
    }
  }

  private static void join(CompletableFuture<?> future) {
    try {
      future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
