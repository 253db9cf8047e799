package io.sagashop.stack;

import io.sagashop.postgres.PostgresBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * @param servicePorts HTTP port of each service
 * @param externalPostgres a PostgreSQL to use instead of the embedded one
 * @param externalKafka bootstrap servers of a Kafka to use instead of the embedded broker
 * @param jvmOptions options of every service JVM
 * @param serviceEnvironment settings given to every service on top of the stack's own (tests use
 *     it for short deadlines and retry cycles)
 * @param replicas processes of each service; with more than one, each service's port is a front
 *     door that spreads connections over its replicas, as a Kubernetes Service does
 */
public record StackSettings(
    Path projectRoot,
    Path dataDirectory,
    Path postgresBinaries,
    int postgresPort,
    int kafkaPort,
    int kafkaControllerPort,
    Map<ShopService, Integer> servicePorts,
    Optional<ExternalPostgres> externalPostgres,
    Optional<String> externalKafka,
    List<String> jvmOptions,
    Map<String, String> serviceEnvironment,
    int replicas) {

  /** How far apart the replicas' ports are: replica 1 of the orchestrator listens on 8180, replica 2 on 8280. */
  static final int REPLICA_PORT_STEP = 100;

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
    return new StackSettings(projectRoot, dataDirectory, postgresBinaries, postgresPort, kafkaPort, kafkaControllerPort, servicePorts,
        externalPostgres, externalKafka, jvmOptions, Map.copyOf(environment), replicas);
  }

  /** The same settings, with the data (databases, topics, logs) in another directory. */
  public StackSettings withDataDirectory(Path directory) {
    return new StackSettings(projectRoot, directory, postgresBinaries, postgresPort, kafkaPort, kafkaControllerPort, servicePorts,
        externalPostgres, externalKafka, jvmOptions, serviceEnvironment, replicas);
  }

  /** The same settings, with this many processes of each service. */
  public StackSettings withReplicas(int count) {
    if (count < 1 || count > 9) {
      throw new StackException("--replicas must be between 1 and 9, but is " + count + ".");
    }
    return new StackSettings(projectRoot, dataDirectory, postgresBinaries, postgresPort, kafkaPort, kafkaControllerPort, servicePorts,
        externalPostgres, externalKafka, jvmOptions, serviceEnvironment, count);
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

  /** How many processes of this service run: {@link #replicas()}, or one for a service that does not replicate. */
  public int replicasOf(ShopService service) {
    return service.replicable() ? replicas : 1;
  }

  /** Where a service of this stack answers (its front door, when it has several replicas). */
  public URI url(ShopService service) {
    return URI.create("http://localhost:" + port(service));
  }

  /** The external Kafka's bootstrap servers, or the embedded broker's. */
  public String kafkaBootstrapServers() {
    return externalKafka.orElse("localhost:" + kafkaPort);
  }

  Path postgresDirectory() {
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
        ports,
        postgres,
        Optional.ofNullable(blankToNull(env.apply("SAGASHOP_KAFKA_BOOTSTRAP_SERVERS"))),
        jvmOptions == null ? DEFAULT_JVM_OPTIONS : List.of(jvmOptions.trim().split("\\s+")),
        Map.of(),
        1);
  }

  /** Free ports everywhere, so tests never collide with a running shop or with each other. */
  public static StackSettings forTests(Path projectRoot, Path dataDirectory) {
    Map<ShopService, Integer> ports = new EnumMap<>(ShopService.class);
    for (ShopService service : ShopService.values()) {
      ports.put(service, freePort());
    }
    return new StackSettings(
        projectRoot,
        dataDirectory,
        defaultPostgresBinaries(),
        freePort(),
        freePort(),
        freePort(),
        ports,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_JVM_OPTIONS,
        Map.of(),
        1);
  }

  /** The same settings, with the PostgreSQL binaries unpacked in another place. */
  public StackSettings withPostgresBinaries(Path directory) {
    return new StackSettings(projectRoot, dataDirectory, directory, postgresPort, kafkaPort, kafkaControllerPort,
        servicePorts, externalPostgres, externalKafka, jvmOptions, serviceEnvironment, replicas);
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on the loopback interface", e);
    }
  }
}
