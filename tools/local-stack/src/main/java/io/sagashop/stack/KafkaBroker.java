package io.sagashop.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka the shop talks over: the embedded single-node broker, or an external cluster. */
final class KafkaBroker {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration STARTUP = Duration.ofSeconds(90);
  /** Kafka's minimum for SCRAM-SHA-512 and what Strimzi's user operator uses. */
  private static final int SCRAM_ITERATIONS = 4096;

  private final KafkaConnection administrator;
  private final String bootstrapServers;
  private final ChildProcess process;

  private KafkaBroker(KafkaConnection administrator, ChildProcess process) {
    this.administrator = administrator;
    this.bootstrapServers = administrator.bootstrapServers();
    this.process = process;
  }

  static KafkaBroker of(StackSettings settings, ShopPasswords passwords, PidFile pids) {
    KafkaConnection administrator = settings.kafkaConnection(passwords);
    if (settings.externalKafka().isPresent()) {
      return new KafkaBroker(administrator, null);
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
            Map.of(KafkaBrokerMain.ADMINISTRATOR_PASSWORD, passwords.kafkaAdmin()),
            settings.logDirectory().resolve("kafka.log"),
            pids);
    return new KafkaBroker(administrator, broker);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** The administrator's connection: the stack's own and its tools'. */
  KafkaConnection administrator() {
    return administrator;
  }

  /** How a service connects: as its own user on the embedded broker, as anybody on an external one. */
  KafkaConnection connectionOf(String user, String password) {
    return isEmbedded() ? KafkaConnection.user(bootstrapServers, user, password) : KafkaConnection.open(bootstrapServers);
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

  /**
   * Gives each user its password (SCRAM-SHA-512) and the embedded broker exactly the users' ACLs: the
   * missing ones are created, any other removed (a permission dropped from users.yaml is gone on the
   * next start). An external Kafka keeps its own.
   */
  void ensureUsers(KafkaUsers users, Map<String, String> passwords) {
    if (!isEmbedded()) {
      return;
    }
    try (Admin admin = Admin.create(adminProperties())) {
      admin.alterUserScramCredentials(users.names().stream()
              .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(
                  user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), passwords.get(user)))
              .toList())
          .all().get(30, TimeUnit.SECONDS);
      Set<AclBinding> wanted = new HashSet<>(users.acls());
      Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
      List<AclBindingFilter> stale = present.stream().filter(acl -> !wanted.contains(acl)).map(AclBinding::toFilter).toList();
      if (!stale.isEmpty()) {
        admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
      }
      List<AclBinding> missing = wanted.stream().filter(acl -> !present.contains(acl)).toList();
      if (!missing.isEmpty()) {
        admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
      }
      log.info("Kafka users {} signed up, {} ACLs created, {} removed", users.names(), missing.size(), stale.size());
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new StackException("Cannot create the Kafka users and ACLs on " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while creating the Kafka users", e);
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
    properties.putAll(administrator.clientProperties());
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    return properties;
  }
}
