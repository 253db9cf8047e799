package io.sagashop.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The entry point of the broker's own JVM: a single Kafka node in KRaft mode (broker and
 * controller), its log on disk so that events survive a restart of the stack. As on Kubernetes,
 * every client signs in and may do only what an ACL allows: the services as their users
 * (SCRAM-SHA-512, created by {@link KafkaBroker} from the cluster's KafkaUsers), the stack itself
 * and its tools as the administrator (PLAIN, a super user), whose password comes in the environment.
 *
 * <p>Arguments: data directory, client port, controller port.
 */
public final class KafkaBrokerMain {

  static final String ADMINISTRATOR_PASSWORD = ShopPasswords.KAFKA_ADMIN_VARIABLE;

  private KafkaBrokerMain() {}

  public static void main(String[] args) throws IOException {
    Path dataDirectory = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    int controllerPort = Integer.parseInt(args[2]);
    Files.createDirectories(dataDirectory);

    String administratorPassword = System.getenv(ADMINISTRATOR_PASSWORD);
    if (administratorPassword == null || administratorPassword.isBlank()) {
      throw new IllegalStateException(ADMINISTRATOR_PASSWORD + " is not set: the broker's administrator needs a password");
    }
    // the file holds the administrator's password: its owner's alone
    Path config = dataDirectory.resolve("server.properties");
    Files.deleteIfExists(config);
    Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer writer = Files.newBufferedWriter(config)) {
      brokerProperties(dataDirectory, port, controllerPort, administratorPassword).store(writer, "written by the sagashop local stack");
    }
    if (!Files.exists(dataDirectory.resolve("log").resolve("meta.properties"))) {
      format(config);
    }
    ParentWatch.exitWithParent();
    kafka.Kafka.main(new String[] {config.toString()});
  }

  static Properties brokerProperties(Path dataDirectory, int port, int controllerPort, String administratorPassword) {
    Properties properties = new Properties();
    properties.setProperty("process.roles", "broker,controller");
    properties.setProperty("node.id", "1");
    properties.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
    properties.setProperty("listeners", "CLIENTS://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    properties.setProperty("advertised.listeners", "CLIENTS://localhost:" + port);
    properties.setProperty("controller.listener.names", "CONTROLLER");
    // No listener lets anybody in without a password, the controller's included.
    properties.setProperty("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    properties.setProperty("inter.broker.listener.name", "CLIENTS");
    properties.setProperty("sasl.mechanism.inter.broker.protocol", KafkaConnection.PLAIN);
    properties.setProperty("sasl.mechanism.controller.protocol", KafkaConnection.PLAIN);
    String administrator = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaConnection.ADMINISTRATOR
        + "\" password=\"" + administratorPassword + "\" user_" + KafkaConnection.ADMINISTRATOR + "=\"" + administratorPassword + "\";";
    properties.setProperty("listener.name.clients.sasl.enabled.mechanisms", KafkaConnection.PLAIN + "," + KafkaConnection.SCRAM);
    properties.setProperty("listener.name.clients.plain.sasl.jaas.config", administrator);
    properties.setProperty("listener.name.clients.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    properties.setProperty("listener.name.controller.sasl.enabled.mechanisms", KafkaConnection.PLAIN);
    properties.setProperty("listener.name.controller.plain.sasl.jaas.config", administrator);
    // KRaft's authorizer: what no ACL allows is refused; the administrator (the broker itself) may do anything.
    properties.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    properties.setProperty("super.users", "User:" + KafkaConnection.ADMINISTRATOR);
    properties.setProperty("log.dirs", dataDirectory.resolve("log").toString());
    properties.setProperty("num.partitions", String.valueOf(StackTopics.PARTITIONS));
    // Topics are provisioned explicitly; a mistyped topic name must fail, not create a topic.
    properties.setProperty("auto.create.topics.enable", "false");
    properties.setProperty("offsets.topic.replication.factor", "1");
    properties.setProperty("transaction.state.log.replication.factor", "1");
    properties.setProperty("transaction.state.log.min.isr", "1");
    properties.setProperty("group.initial.rebalance.delay.ms", "0");
    return properties;
  }

  /** Formats the log directory on the first start; later starts find it formatted and keep it. */
  private static void format(Path config) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode =
          StorageTool.execute(
              new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()
              },
              out);
    }
    if (exitCode != 0) {
      throw new IllegalStateException("Formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }
}
