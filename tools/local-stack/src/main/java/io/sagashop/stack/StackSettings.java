package io.sagashop.stack;

import io.sagashop.postgres.PostgresBinaries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Where the stack keeps its data, which ports it uses, and whether PostgreSQL and Kafka are
 * started here or already run elsewhere.
 *
 * @param projectRoot the checkout, where each module's jar is built
 * @param dataDirectory PostgreSQL's and Kafka's data, the logs and the generated passwords
 * @param postgresBinaries where the embedded PostgreSQL's binaries are unpacked (once per machine)
 * @param postgresPort port of the embedded PostgreSQL
 * @param kafkaPort port of the embedded broker's client listener
 * @param kafkaControllerPort port of the embedded broker's KRaft controller listener
 * @param zipkinPort port of the trace server (Zipkin) the stack starts, when tracing
 * @param entryPort port of the shop's entry, which serves the Ingress's paths as the cluster's does
 * @param servicePorts HTTP port of each service
 * @param externalPostgres a PostgreSQL to use instead of the embedded one
 * @param externalKafka bootstrap servers of a Kafka to use instead of the embedded broker
 * @param jvmOptions options of every service JVM
 * @param serviceEnvironment settings given to every service on top of the stack's own (tests use
 *     it for short deadlines and retry cycles)
 * @param replicas processes of each service; with more than one, each service's port is a front
 *     door that spreads connections over its replicas, as a Kubernetes Service does
 * @param tracing whether the stack starts a trace server and the services send it their spans
 *     ({@code --no-tracing} turns it off; log lines keep their traceId either way)
 */
public record StackSettings(
    Path projectRoot,
    Path dataDirectory,
    Path postgresBinaries,
    int postgresPort,
    int kafkaPort,
    int kafkaControllerPort,
    int zipkinPort,
    int entryPort,
    Map<ShopService, Integer> servicePorts,
    Optional<ExternalPostgres> externalPostgres,
    Optional<String> externalKafka,
    List<String> jvmOptions,
    Map<String, String> serviceEnvironment,
    int replicas,
    boolean tracing) {

  /** How far apart the replicas' ports are: replica 1 of the orchestrator listens on 8180, replica 2 on 8280. */
  static final int REPLICA_PORT_STEP = 100;
  /** Where {@code ./sagashop run} serves the shop's entry unless SAGASHOP_ENTRY_PORT says otherwise. */
  public static final int DEFAULT_ENTRY_PORT = 8000;
  public static final String ENTRY_PORT_VARIABLE = "SAGASHOP_ENTRY_PORT";
  static final int MAX_REPLICAS = 9;

  /**
   * How far above its replica's port the actuator (probes, metrics) answers: the orchestrator's on
   * 8130, as in Kubernetes on a port of its own that no front door and no Ingress leads to.
   */
  static final int MANAGEMENT_PORT_OFFSET = 50;

  /**
   * Tests take their ports from here, below Linux's ephemeral range (32768 and up by default): a
   * port in that range can be taken by any outgoing connection while a killed part is down, and
   * the part cannot come back on it, or another process answers there in its place.
   */
  static final int TEST_PORTS_FROM = 20000;
  static final int TEST_PORTS_TO = 32768;

  /** Small heaps and a quick-starting JIT: five JVMs share two cores and must be up in minutes. */
  static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  /** An existing PostgreSQL server; the stack creates the services' databases on it. */
  public record ExternalPostgres(String url, String user, String password) {

    String jdbcUrl(String database) {
      return (url.endsWith("/") ? url : url + "/") + database;
    }
  }

  /** The same settings, with these environment variables given to every service. */
  public StackSettings withServiceEnvironment(Map<String, String> environment) {
    return new StackSettings(projectRoot, dataDirectory, postgresBinaries, postgresPort, kafkaPort, kafkaControllerPort, zipkinPort, entryPort, servicePorts,
        externalPostgres, externalKafka, jvmOptions, Map.copyOf(environment), replicas, tracing);
  }

  /** The same settings, with these options added to every service JVM's. */
  public StackSettings withMoreJvmOptions(List<String> more) {
    List<String> options = new ArrayList<>(jvmOptions);
    options.addAll(more);
    return new StackSettings(projectRoot, dataDirectory, postgresBinaries, postgresPort, kafkaPort, kafkaControllerPort, zipkinPort, entryPort, servicePorts,
        externalPostgres, externalKafka, List.copyOf(options), serviceEnvironment, replicas, tracing);
  }

  /** The same settings, with the data (databases, topics, logs) in another directory. */
  public StackSettings withDataDirectory(Path directory) {
    return new StackSettings(projectRoot, directory, postgresBinaries, postgresPort, kafkaPort, kafkaControllerPort, zipkinPort, entryPort, servicePorts,
        externalPostgres, externalKafka, jvmOptions, serviceEnvironment, replicas, tracing);
  }

  /** The same settings, with or without the trace server ({@code --no-tracing}). */
  public StackSettings withTracing(boolean on) {
    return new StackSettings(projectRoot, dataDirectory, postgresBinaries, postgresPort, kafkaPort, kafkaControllerPort, zipkinPort, entryPort, servicePorts,
        externalPostgres, externalKafka, jvmOptions, serviceEnvironment, replicas, on);
  }

  /** The same settings, with this many processes of each service. */
  public StackSettings withReplicas(int count) {
    if (count < 1 || count > MAX_REPLICAS) {
      throw new StackException("--replicas must be between 1 and " + MAX_REPLICAS + ", but is " + count + ".");
    }
    return new StackSettings(projectRoot, dataDirectory, postgresBinaries, postgresPort, kafkaPort, kafkaControllerPort, zipkinPort, entryPort, servicePorts,
        externalPostgres, externalKafka, jvmOptions, serviceEnvironment, count, tracing);
  }

  public int port(ShopService service) {
    return servicePorts.get(service);
  }

  /**
   * Where one replica (counted from 1) listens: the service's own port when it runs alone, else
   * the port plus {@value #REPLICA_PORT_STEP} per replica, behind the front door on the service's port.
   */
  public int port(ShopService service, int replica) {
    if (replica < 1 || replica > replicasOf(service)) {
      throw new IllegalArgumentException(service.module() + " has replicas 1 to " + replicasOf(service) + ", not " + replica);
    }
    return replicasOf(service) == 1 ? port(service) : port(service) + REPLICA_PORT_STEP * replica;
  }

  /** Where one replica's actuator answers (probes and metrics): {@value #MANAGEMENT_PORT_OFFSET} above the replica's port. */
  public int managementPort(ShopService service, int replica) {
    return port(service, replica) + MANAGEMENT_PORT_OFFSET;
  }

  /** The actuator of one replica (counted from 1): its readiness, liveness and Prometheus metrics. */
  public URI managementUrl(ShopService service, int replica) {
    return URI.create("http://localhost:" + managementPort(service, replica));
  }

  /** How many processes of this service run: {@link #replicas()}, or one for a service that does not replicate. */
  public int replicasOf(ShopService service) {
    return service.replicable() ? replicas : 1;
  }

  /**
   * The shop's public address, as the cluster's Ingress is: the customers' page and API, Cockpit,
   * Tasklist and the engine REST API, and nothing else.
   */
  public URI entryUrl() {
    return URI.create("http://localhost:" + entryPort);
  }

  /** Where a service of this stack answers (its front door, when it has several replicas). */
  public URI url(ShopService service) {
    return URI.create("http://localhost:" + port(service));
  }

  /** How the stack and its tools reach Kafka: an external one as anybody, the embedded broker as its administrator. */
  public KafkaConnection kafkaConnection(ShopPasswords passwords) {
    return externalKafka.isPresent()
        ? KafkaConnection.open(externalKafka.get())
        : KafkaConnection.administrator(kafkaBootstrapServers(), passwords.kafkaAdmin());
  }

  /** The external Kafka's bootstrap servers, or the embedded broker's. */
  public String kafkaBootstrapServers() {
    return externalKafka.orElse("localhost:" + kafkaPort);
  }

  /** The trace server's address: its UI, and its API the tests read traces from. */
  public URI zipkinUrl() {
    return URI.create("http://localhost:" + zipkinPort);
  }

  /** PostgreSQL's data directory (its postmaster.pid names the server's process while it runs). */
  public Path postgresDirectory() {
    return dataDirectory.resolve("postgres");
  }

  Path kafkaDirectory() {
    return dataDirectory.resolve("kafka");
  }

  Path logDirectory() {
    return dataDirectory.resolve("logs");
  }

  /**
   * The ports of the design (orchestrator 8080 ... delivery 8084, Kafka 9092), each movable by an
   * environment variable, with data under {@code .sagashop/} in the checkout (or SAGASHOP_DATA_DIR).
   */
  public static StackSettings fromEnvironment(Path projectRoot, Function<String, String> env) {
    Map<ShopService, Integer> ports = new EnumMap<>(ShopService.class);
    for (ShopService service : ShopService.values()) {
      ports.put(service, intVariable(env, service.portVariable(), service.defaultPort()));
    }
    Optional<ExternalPostgres> postgres =
        Optional.ofNullable(blankToNull(env.apply("SAGASHOP_POSTGRES_URL")))
            .map(
                url ->
                    new ExternalPostgres(
                        url,
                        Optional.ofNullable(blankToNull(env.apply("SAGASHOP_POSTGRES_USER")))
                            .orElse("postgres"),
                        Optional.ofNullable(env.apply("SAGASHOP_POSTGRES_PASSWORD")).orElse("")));
    String jvmOptions = blankToNull(env.apply("SAGASHOP_JVM_OPTS"));
    String dataDirectory = blankToNull(env.apply("SAGASHOP_DATA_DIR"));
    return new StackSettings(
        projectRoot,
        dataDirectory == null ? projectRoot.resolve(".sagashop") : Path.of(dataDirectory).toAbsolutePath(),
        defaultPostgresBinaries(),
        intVariable(env, "SAGASHOP_POSTGRES_PORT", 15432),
        intVariable(env, "SAGASHOP_KAFKA_PORT", 9092),
        intVariable(env, "SAGASHOP_KAFKA_CONTROLLER_PORT", 9093),
        intVariable(env, "SAGASHOP_ZIPKIN_PORT", 9411),
        intVariable(env, ENTRY_PORT_VARIABLE, DEFAULT_ENTRY_PORT),
        ports,
        postgres,
        Optional.ofNullable(blankToNull(env.apply("SAGASHOP_KAFKA_BOOTSTRAP_SERVERS"))),
        jvmOptions == null ? DEFAULT_JVM_OPTIONS : List.of(jvmOptions.trim().split("\\s+")),
        Map.of(),
        1,
        true);
  }

  /**
   * Ports of their own, so tests never collide with a running shop or with each other: one block at
   * a random place below the ephemeral range, free for every part and for up to {@value
   * #MAX_REPLICAS} replicas of each service.
   */
  public static StackSettings forTests(Path projectRoot, Path dataDirectory) {
    int blocks = (TEST_PORTS_TO - TEST_PORTS_FROM - REPLICA_PORT_STEP * MAX_REPLICAS) / REPLICA_PORT_STEP;
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = TEST_PORTS_FROM + REPLICA_PORT_STEP * ThreadLocalRandom.current().nextInt(blocks)
          + ThreadLocalRandom.current().nextInt(REPLICA_PORT_STEP - ShopService.values().length - 5);
      StackSettings candidate = inBlock(projectRoot, dataDirectory, base);
      if (candidate.withReplicas(MAX_REPLICAS).listeningPorts().keySet().stream().allMatch(StackSettings::isFree)) {
        return candidate;
      }
    }
    throw new StackException("No free block of ports between " + TEST_PORTS_FROM + " and " + TEST_PORTS_TO + " for a test stack.");
  }

  /** The services on base, base + 1, ..., then PostgreSQL, Kafka's two listeners, Zipkin and the entry. */
  private static StackSettings inBlock(Path projectRoot, Path dataDirectory, int base) {
    Map<ShopService, Integer> ports = new EnumMap<>(ShopService.class);
    for (ShopService service : ShopService.values()) {
      ports.put(service, base + service.ordinal());
    }
    int next = base + ShopService.values().length;
    return new StackSettings(
        projectRoot,
        dataDirectory,
        defaultPostgresBinaries(),
        next,
        next + 1,
        next + 2,
        next + 3,
        next + 4,
        ports,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_JVM_OPTIONS,
        Map.of(),
        1,
        true);
  }

  /**
   * Every port the stack listens on, with who listens there (a replica's port names the variable
   * that moves it). Refuses a port given to two parts: the second could not start, or, worse, the
   * first would answer the second's readiness probe and its callers.
   */
  public Map<Integer, String> listeningPorts() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    if (externalPostgres.isEmpty()) {
      listen(ports, postgresPort, "PostgreSQL (SAGASHOP_POSTGRES_PORT)");
    }
    if (externalKafka.isEmpty()) {
      listen(ports, kafkaPort, "Kafka (SAGASHOP_KAFKA_PORT)");
      listen(ports, kafkaControllerPort, "the Kafka controller (SAGASHOP_KAFKA_CONTROLLER_PORT)");
    }
    if (tracing) {
      listen(ports, zipkinPort, "Zipkin (SAGASHOP_ZIPKIN_PORT)");
    }
    listen(ports, entryPort, "the shop's entry (SAGASHOP_ENTRY_PORT)");
    for (ShopService service : ShopService.values()) {
      listen(ports, port(service), service.module() + " (" + service.portVariable() + ")");
      for (int replica = 1; replicasOf(service) > 1 && replica <= replicasOf(service); replica++) {
        listen(ports, port(service, replica),
            service.module() + " replica " + replica + " (" + service.portVariable() + " + " + REPLICA_PORT_STEP * replica + ")");
      }
      for (int replica = 1; replica <= replicasOf(service); replica++) {
        int offset = port(service, replica) - port(service) + MANAGEMENT_PORT_OFFSET;
        listen(ports, managementPort(service, replica),
            service.module() + (replicasOf(service) > 1 ? " replica " + replica : "") + "'s actuator ("
                + service.portVariable() + " + " + offset + ")");
      }
    }
    return ports;
  }

  private static void listen(Map<Integer, String> ports, int port, String part) {
    String other = ports.putIfAbsent(port, part);
    if (other != null) {
      throw new StackException("Port " + port + " is given to both " + other + " and " + part + ". Move one with the variable in brackets.");
    }
  }

  /** Whether nothing listens on this port of the loopback interface now. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The same settings, with the PostgreSQL binaries unpacked in another place. */
  public StackSettings withPostgresBinaries(Path directory) {
    return new StackSettings(projectRoot, dataDirectory, directory, postgresPort, kafkaPort, kafkaControllerPort, zipkinPort, entryPort,
        servicePorts, externalPostgres, externalKafka, jvmOptions, serviceEnvironment, replicas, tracing);
  }

  /** Shared by every checkout and test run on the machine: unpacked once, in the JVM's temp directory. */
  private static Path defaultPostgresBinaries() {
    return PostgresBinaries.inTempDirectory().workingDirectory();
  }

  private static int intVariable(Function<String, String> env, String name, int fallback) {
    String value = blankToNull(env.apply(name));
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new StackException(name + " must be a port number, but is '" + value + "'.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

}
