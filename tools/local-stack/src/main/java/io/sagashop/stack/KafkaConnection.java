package io.sagashop.stack;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How a client reaches the shop's Kafka: the bootstrap servers and, on the embedded broker, whom it
 * signs in as. The services sign in as their own users (SCRAM-SHA-512, as on Kubernetes); the stack's
 * tools and tests as the broker's administrator (PLAIN), who may do anything.
 *
 * @param mechanism the SASL mechanism, or null where the broker lets anybody in (an external Kafka)
 */
public record KafkaConnection(String bootstrapServers, String mechanism, String user, String password) {

  static final String ADMINISTRATOR = "admin";
  static final String PLAIN = "PLAIN";
  static final String SCRAM = "SCRAM-SHA-512";

  /** A broker that asks nobody to sign in: an external Kafka the stack was pointed at. */
  static KafkaConnection open(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, null, null, null);
  }

  static KafkaConnection administrator(String bootstrapServers, String password) {
    return new KafkaConnection(bootstrapServers, PLAIN, ADMINISTRATOR, password);
  }

  static KafkaConnection user(String bootstrapServers, String user, String password) {
    return new KafkaConnection(bootstrapServers, SCRAM, user, password);
  }

  /** The same broker, signed in as somebody else (a test trying what a service may not do). */
  public KafkaConnection as(String otherUser, String otherPassword) {
    return new KafkaConnection(bootstrapServers, mechanism == null ? null : SCRAM, otherUser, otherPassword);
  }

  /** Properties for a producer, consumer or admin client of Kafka's own API. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> properties = new HashMap<>();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    if (mechanism != null) {
      properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
      properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
      properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
    }
    return properties;
  }

  /** The same, as a Spring Boot service takes them from its environment (the variables the k8s manifests set). */
  Map<String, String> serviceEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    if (mechanism != null) {
      env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
      env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", mechanism);
      env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaasConfig());
    }
    return env;
  }

  private String jaasConfig() {
    String module = PLAIN.equals(mechanism)
        ? "org.apache.kafka.common.security.plain.PlainLoginModule"
        : "org.apache.kafka.common.security.scram.ScramLoginModule";
    return module + " required username=\"" + user + "\" password=\"" + password + "\";";
  }

  @Override
  public String toString() {
    return bootstrapServers + (mechanism == null ? "" : " as " + user);
  }
}
