package io.sagashop.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The entry point of the broker's own JVM: a single Kafka node in KRaft mode (broker and
 * controller), its log on disk so that events survive a restart of the stack.
 *
 * <p>Arguments: data directory, client port, controller port.
 */
public final class KafkaBrokerMain {

  private KafkaBrokerMain() {}

  public static void main(String[] args) throws IOException {
    Path dataDirectory = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    int controllerPort = Integer.parseInt(args[2]);
    Files.createDirectories(dataDirectory);

    Path config = dataDirectory.resolve("server.properties");
    try (Writer writer = Files.newBufferedWriter(config)) {
      brokerProperties(dataDirectory, port, controllerPort).store(writer, "written by the sagashop local stack");
    }
    if (!Files.exists(dataDirectory.resolve("log").resolve("meta.properties"))) {
      format(config);
    }
    ParentWatch.exitWithParent();
    kafka.Kafka.main(new String[] {config.toString()});
  }

  static Properties brokerProperties(Path dataDirectory, int port, int controllerPort) {
    Properties properties = new Properties();
    properties.setProperty("process.roles", "broker,controller");
    properties.setProperty("node.id", "1");
    properties.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
    properties.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
    properties.setProperty("controller.listener.names", "CONTROLLER");
    properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
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
