package io.sagashop.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka the shop talks over: the embedded single-node broker, or an external cluster. */
final class KafkaBroker {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final String bootstrapServers;
  private final ChildProcess process;

  private KafkaBroker(String bootstrapServers, ChildProcess process) {
    this.bootstrapServers = bootstrapServers;
    this.process = process;
  }

  static KafkaBroker of(StackSettings settings, PidFile pids) {
    if (settings.externalKafka().isPresent()) {
      return new KafkaBroker(settings.externalKafka().get(), null);
    }
    ChildProcess broker =
        new ChildProcess(
            "Kafka",
            ChildProcess.java(
                List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")),
                KafkaBrokerMain.class.getName(),
                settings.kafkaDirectory().toString(),
                String.valueOf(settings.kafkaPort()),
                String.valueOf(settings.kafkaControllerPort())),
            Map.of(),
            settings.logDirectory().resolve("kafka.log"),
            pids);
    return new KafkaBroker(settings.kafkaBootstrapServers(), broker);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  boolean isEmbedded() {
    return process != null;
  }

  /** Starts the embedded broker (if it is ours) and returns once it answers to clients. */
  void start() {
    if (process != null) {
      process.start();
    }
    awaitReady();
  }

  void stop() {
    if (process != null) {
      process.stop();
    }
  }

  /** A hard crash of the broker (SIGKILL): it recovers its logs on the next start. */
  void kill() {
    if (process != null) {
      process.kill();
    }
  }

  /** An external cluster counts as running: the stack does not stop it. */
  boolean isRunning() {
    return process == null || process.isAlive();
  }

  /** Creates the topics that do not exist yet; existing ones are left as they are. */
  void ensureTopics(List<String> topics) {
    try (Admin admin = Admin.create(adminProperties())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(topic -> !existing.contains(topic))
              .map(topic -> new NewTopic(topic, StackTopics.PARTITIONS, (short) -1).configs(StackTopics.configOf(topic)))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        log.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
      }
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new StackException("Cannot create the Kafka topics on " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while creating the Kafka topics", e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP);
    try (Admin admin = Admin.create(adminProperties())) {
      while (true) {
        if (process != null && !process.isAlive()) {
          throw new StackException(process.whyItStopped("its heap is set in KafkaBroker (-Xmx512m), report this"));
        }
        try {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
          if (Instant.now().isAfter(deadline)) {
            throw new StackException(
                "Kafka at " + bootstrapServers + " did not answer within " + STARTUP.toSeconds() + "s"
                    + (process == null ? "; check SAGASHOP_KAFKA_BOOTSTRAP_SERVERS." : ". See " + process.logFile()));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while waiting for Kafka", e);
    }
  }

  private Properties adminProperties() {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    return properties;
  }
}
