package io.sagashop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who may do what on Kafka, held to what the services do: the listener the services use signs every
 * client in and the cluster authorizes every request; each service that uses Kafka signs in as a
 * KafkaUser of its own, with the password from the Secret the user operator writes; and each user's
 * ACLs are exactly what its service's configuration says it writes, reads and consumes in (see
 * {@link ShopSources#kafkaUse}), nothing missing and nothing more.
 */
final class KafkaPermissions {

  static final String JAAS_VARIABLE = "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG";
  /** The keys of the Secret Strimzi's user operator writes for a SCRAM-SHA-512 user. */
  static final Set<String> USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");

  private final List<Manifest> objects;
  private final Map<String, ShopSources.KafkaUse> uses;
  private final Function<Manifest, Map<String, String>> environment;
  private final List<String> findings = new ArrayList<>();

  private KafkaPermissions(List<Manifest> objects, Map<String, ShopSources.KafkaUse> uses, Function<Manifest, Map<String, String>> environment) {
    this.objects = objects;
    this.uses = uses;
    this.environment = environment;
  }

  /**
   * @param environment a Deployment's rendered environment (its ConfigMaps and its own variables)
   */
  static List<String> check(List<Manifest> objects, Map<String, ShopSources.KafkaUse> uses, Function<Manifest, Map<String, String>> environment) {
    KafkaPermissions permissions = new KafkaPermissions(objects, uses, environment);
    permissions.cluster();
    permissions.signIn();
    permissions.acls();
    return permissions.findings;
  }

  /** The services' listener authenticates, and the cluster lets through only what an ACL allows. */
  private void cluster() {
    Set<String> ports = new TreeSet<>();
    clients().forEach(deployment -> ports.add(environment.apply(deployment).getOrDefault("SPRING_KAFKA_BOOTSTRAP_SERVERS", ":").replaceFirst(".*:", "")));
    for (Manifest kafka : Manifest.ofKind(objects, "Kafka")) {
      JsonNode spec = kafka.json().path("spec");
      for (JsonNode listener : spec.path("kafka").path("listeners")) {
        if (ports.contains(listener.path("port").asText()) && !"scram-sha-512".equals(listener.path("authentication").path("type").asText())) {
          findings.add(kafka + ": listener " + listener.path("name").asText() + " lets any pod in without signing in"
              + " (authentication.type: scram-sha-512, as the services' KafkaUsers)");
        }
      }
      if (!"simple".equals(spec.path("kafka").path("authorization").path("type").asText())) {
        findings.add(kafka + ": every signed-in client may do anything (spec.kafka.authorization.type: simple, so that the KafkaUsers' ACLs count)");
      }
      if (spec.path("entityOperator").path("userOperator").isMissingNode()) {
        findings.add(kafka + ": no user operator creates the KafkaUsers' passwords and ACLs (spec.entityOperator.userOperator: {})");
      }
    }
  }

  /** Each Kafka client signs in as a user of its own name, with the password its user's Secret holds. */
  private void signIn() {
    for (Manifest deployment : Manifest.ofKind(objects, "Deployment")) {
      String service = deployment.name();
      JsonNode jaas = jaasOf(deployment);
      if (!uses.containsKey(service)) {
        if (!jaas.isMissingNode()) {
          findings.add(deployment + ": signs in to Kafka, which it does not use");
        }
        continue;
      }
      Map<String, String> env = environment.apply(deployment);
      if (!"SASL_PLAINTEXT".equals(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")) || !"SCRAM-SHA-512".equals(env.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"))) {
        findings.add(deployment + ": does not sign in to Kafka with SCRAM-SHA-512 (SPRING_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT, "
            + "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM=SCRAM-SHA-512)");
      }
      JsonNode secret = jaas.path("valueFrom").path("secretKeyRef");
      if (!service.equals(secret.path("name").asText()) || !"sasl.jaas.config".equals(secret.path("key").asText())) {
        findings.add(deployment + ": must sign in to Kafka as KafkaUser " + service + " (" + JAAS_VARIABLE
            + " from key sasl.jaas.config of Secret " + service + ")");
      }
      if (user(service).isEmpty()) {
        findings.add(deployment + ": uses Kafka, but no KafkaUser " + service + " lets it in");
      }
    }
    for (Manifest user : Manifest.ofKind(objects, "KafkaUser")) {
      if (!uses.containsKey(user.name())) {
        findings.add(user + ": no service signs in as this user; it is a way in nobody needs");
      }
      if (!"scram-sha-512".equals(user.json().path("spec").path("authentication").path("type").asText())) {
        findings.add(user + ": must sign in with scram-sha-512, as the listener expects");
      }
    }
  }

  /** Each user's ACLs are what its service's configuration says it does, both ways. */
  private void acls() {
    uses.forEach((service, use) -> user(service).ifPresent(user -> {
      Set<String> granted = granted(user);
      Set<String> needed = needed(use);
      for (String permission : needed) {
        if (!granted.contains(permission)) {
          findings.add(user + ": lacks " + permission + ", which " + service + "'s configuration needs");
        }
      }
      for (String permission : granted) {
        if (!needed.contains(permission)) {
          findings.add(user + ": grants " + permission + ", which " + service + "'s configuration never uses");
        }
      }
    }));
  }

  /** Every permission a user's ACLs grant, as {@code Write topic order.events}. */
  private static Set<String> granted(Manifest user) {
    Set<String> granted = new TreeSet<>();
    for (JsonNode acl : user.json().path("spec").path("authorization").path("acls")) {
      JsonNode resource = acl.path("resource");
      String pattern = "prefix".equals(resource.path("patternType").asText()) ? "*" : "";
      for (JsonNode operation : acl.path("operations")) {
        granted.add(operation.asText() + " " + resource.path("type").asText() + " " + resource.path("name").asText() + pattern);
      }
    }
    return granted;
  }

  private static Set<String> needed(ShopSources.KafkaUse use) {
    Set<String> needed = new TreeSet<>();
    use.writes().forEach(topic -> needed.add("Write topic " + topic));
    use.reads().forEach(topic -> needed.add("Read topic " + topic));
    if (use.group() != null) {
      needed.add("Read group " + use.group() + (use.groupIsPrefix() ? "*" : ""));
    }
    return needed;
  }

  private List<Manifest> clients() {
    return Manifest.ofKind(objects, "Deployment").stream().filter(deployment -> uses.containsKey(deployment.name())).toList();
  }

  private Optional<Manifest> user(String name) {
    return Manifest.named(objects, "KafkaUser", name);
  }

  private static JsonNode jaasOf(Manifest deployment) {
    for (JsonNode variable : deployment.json().path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
      if (JAAS_VARIABLE.equals(variable.path("name").asText())) {
        return variable;
      }
    }
    return MissingNode.getInstance();
  }
}
