package io.sagashop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every connection a shop service makes, read from its rendered configuration (the Kafka brokers of
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, the PostgreSQL cluster of {@code SPRING_DATASOURCE_URL}, the
 * identity provider of its key and token URIs or its issuer, the services its own configuration names
 * a URL of) and from its sources (whether it uses Kafka, a database, tokens at all), held against the
 * NetworkPolicies both ways: each connection is let out by an egress policy of the service and let in
 * by the other side (Strimzi's listener peers, the database's policy), and no egress policy, listener
 * peer or database policy admits a service to anything it is not configured to reach.
 */
final class Connections {

  private static final String NAME = "app.kubernetes.io/name";
  private static final String STRIMZI_CLUSTER = "strimzi.io/cluster";
  private static final String CNPG_CLUSTER = "cnpg.io/cluster";

  /** A place a service connects to: pods of the cluster by their labels, or an address outside it (labels empty). */
  private record Destination(String what, Map<String, String> labels, String port) {
    boolean outside() {
      return labels.isEmpty();
    }
  }

  private final List<Manifest> objects;
  private final ShopRules.Context context;
  private final Function<Manifest, Map<String, String>> environment;
  private final List<String> findings = new ArrayList<>();

  private Connections(List<Manifest> objects, ShopRules.Context context, Function<Manifest, Map<String, String>> environment) {
    this.objects = objects;
    this.context = context;
    this.environment = environment;
  }

  static List<String> check(List<Manifest> objects, ShopRules.Context context, Function<Manifest, Map<String, String>> environment) {
    Connections connections = new Connections(objects, context, environment);
    connections.checkEgress();
    connections.checkKafkaPeers();
    connections.checkDatabasePeers();
    return connections.findings;
  }

  private void checkEgress() {
    for (Manifest deployment : shopDeployments()) {
      List<Destination> destinations = destinationsOf(deployment);
      JsonNode pod = podLabels(deployment);
      for (Destination destination : destinations) {
        if (egressRules(pod).stream().noneMatch(rule -> letsOut(rule, destination))) {
          report(deployment, "no NetworkPolicy lets it reach " + destination.what() + " on port " + destination.port() + ", which its configuration names");
        }
      }
      for (JsonNode rule : egressRules(pod)) {
        for (JsonNode peer : peers(rule, "to")) {
          if (!isDns(peer) && destinations.stream().noneMatch(destination -> peerIs(peer, destination))) {
            report(deployment, "an egress policy lets it reach " + describe(peer) + ", which it is never configured to reach");
          }
        }
      }
    }
  }

  /** Strimzi admits the listener's networkPolicyPeers only (none given: every pod of the cluster). */
  private void checkKafkaPeers() {
    for (Manifest kafka : all("Kafka")) {
      for (JsonNode listener : kafka.json().path("spec").path("kafka").path("listeners")) {
        String port = listener.path("port").asText();
        List<String> clients = shopDeployments().stream()
            .filter(deployment -> destinationsOf(deployment).stream()
                .anyMatch(destination -> kafka.name().equals(destination.labels().get(STRIMZI_CLUSTER)) && destination.port().equals(port)))
            .map(Manifest::name)
            .toList();
        if (!listener.has("networkPolicyPeers")) {
          report(kafka, "listener " + listener.path("name").asText() + " is open to every pod of the cluster: name its clients in networkPolicyPeers " + clients);
          continue;
        }
        List<String> peers = new ArrayList<>();
        listener.path("networkPolicyPeers").forEach(peer -> peers.add(peer.path("podSelector").path("matchLabels").path(NAME).asText("(" + peer + ")")));
        for (String client : clients) {
          if (!peers.contains(client)) {
            report(kafka, "listener " + listener.path("name").asText() + " does not admit " + client + ", which is configured to use it");
          }
        }
        for (String peer : peers) {
          if (!clients.contains(peer)) {
            report(kafka, "listener " + listener.path("name").asText() + " admits " + peer + ", which is never configured to use it");
          }
        }
      }
    }
  }

  /** A database's policies admit by name exactly the services whose datasource is that cluster. */
  private void checkDatabasePeers() {
    for (Manifest cluster : all("Cluster")) {
      List<Manifest> policies = all("NetworkPolicy").stream()
          .filter(policy -> cluster.name().equals(policy.json().path("spec").path("podSelector").path("matchLabels").path(CNPG_CLUSTER).asText(null)))
          .toList();
      for (Manifest deployment : shopDeployments()) {
        Optional<Destination> database = destinationsOf(deployment).stream()
            .filter(destination -> cluster.name().equals(destination.labels().get(CNPG_CLUSTER))).findFirst();
        boolean admitted = policies.stream().anyMatch(policy -> admitsByName(policy, deployment.name(), database.map(Destination::port).orElse("5432")));
        if (database.isPresent() && !admitted) {
          report(cluster, "no NetworkPolicy lets " + deployment.name() + " in, whose datasource is this cluster");
        } else if (database.isEmpty() && admitted) {
          report(cluster, "a NetworkPolicy lets " + deployment.name() + " in, whose datasource is not this cluster");
        }
      }
      if (policies.isEmpty()) {
        report(cluster, "no NetworkPolicy guards its pods: every pod of the cluster reaches the database");
      }
    }
  }

  private List<Destination> destinationsOf(Manifest deployment) {
    String name = deployment.name();
    Map<String, String> env = environment.apply(deployment);
    List<Destination> destinations = new ArrayList<>();
    if (context.kafkaClients().contains(name) && env.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
      String bootstrap = env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")[0].trim();
      String host = bootstrap.substring(0, bootstrap.lastIndexOf(':'));
      String cluster = host.endsWith("-kafka-bootstrap") ? host.substring(0, host.length() - "-kafka-bootstrap".length()) : host;
      destinations.add(new Destination("the Kafka brokers of " + bootstrap, Map.of(STRIMZI_CLUSTER, cluster), bootstrap.substring(bootstrap.lastIndexOf(':') + 1)));
    }
    if (context.databaseClients().contains(name) && env.containsKey("SPRING_DATASOURCE_URL")) {
      URI url = URI.create(env.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
      String cluster = url.getHost().replaceFirst("-(rw|ro|r)$", "");
      destinations.add(new Destination("the PostgreSQL of " + url.getHost(), Map.of(CNPG_CLUSTER, cluster), String.valueOf(url.getPort() < 0 ? 5432 : url.getPort())));
    }
    if (context.issuerClients().contains(name)) {
      String keys = env.getOrDefault("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", env.get("SAGASHOP_IDENTITY_ISSUER"));
      destinations.add(toService("the identity provider at " + keys, keys));
      String tokens = env.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDENTITY_TOKENURI");
      if (tokens != null) {
        destinations.add(toService("the identity provider's tokens at " + tokens, tokens));
      }
    }
    for (String callee : context.calls().getOrDefault(name, Set.of())) {
      destinations.add(toService(callee, "http://" + callee));
    }
    return destinations;
  }

  /** The pods behind a URL's host when it is a Service of the overlay; an address outside the cluster otherwise. */
  private Destination toService(String what, String url) {
    URI uri = url == null || !url.contains("://") ? URI.create("https://outside.invalid") : URI.create(url);
    Optional<Manifest> service = find("Service", uri.getHost());
    if (service.isEmpty()) {
      return new Destination(what, Map.of(), String.valueOf(uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80));
    }
    Map<String, String> selector = new LinkedHashMap<>();
    service.get().json().path("spec").path("selector").fields().forEachRemaining(entry -> selector.put(entry.getKey(), entry.getValue().asText()));
    JsonNode port = service.get().json().path("spec").path("ports").path(0);
    return new Destination(what, selector, port.path("targetPort").asText(port.path("port").asText()));
  }

  private boolean letsOut(JsonNode rule, Destination destination) {
    return portsAdmit(rule, destination.port()) && peers(rule, "to").stream().anyMatch(peer -> peerIs(peer, destination));
  }

  /** A peer of the same namespace whose pod selector names every label the destination is known by, or an outside address block. */
  private static boolean peerIs(JsonNode peer, Destination destination) {
    if (destination.outside()) {
      return peer.has("ipBlock");
    }
    if (peer.has("namespaceSelector") || peer.has("ipBlock")) {
      return false;
    }
    JsonNode labels = peer.path("podSelector").path("matchLabels");
    return destination.labels().entrySet().stream().allMatch(label -> label.getValue().equals(labels.path(label.getKey()).asText(null)));
  }

  private static String describe(JsonNode peer) {
    if (peer.has("ipBlock")) {
      return "the addresses " + peer.path("ipBlock").path("cidr").asText();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    peer.path("podSelector").path("matchLabels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
    return (peer.has("namespaceSelector") ? "pods of another namespace " : "the pods ") + labels;
  }

  private static boolean isDns(JsonNode peer) {
    return "kube-system".equals(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText(null))
        && "kube-dns".equals(peer.path("podSelector").path("matchLabels").path("k8s-app").asText(null));
  }

  private static boolean portsAdmit(JsonNode rule, String port) {
    if (!rule.has("ports")) {
      return true;
    }
    for (JsonNode admitted : rule.path("ports")) {
      if (admitted.path("port").asText().equals(port)) {
        return true;
      }
    }
    return false;
  }

  private static boolean admitsByName(Manifest policy, String name, String port) {
    for (JsonNode rule : policy.json().path("spec").path("ingress")) {
      for (JsonNode peer : peers(rule, "from")) {
        if (!peer.has("namespaceSelector") && name.equals(peer.path("podSelector").path("matchLabels").path(NAME).asText(null)) && portsAdmit(rule, port)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The egress rules of every NetworkPolicy that selects pods with these labels. */
  private List<JsonNode> egressRules(JsonNode podLabels) {
    List<JsonNode> rules = new ArrayList<>();
    for (Manifest policy : all("NetworkPolicy")) {
      if (selects(policy.json().path("spec").path("podSelector"), podLabels)) {
        policy.json().path("spec").path("egress").forEach(rules::add);
      }
    }
    return rules;
  }

  private static boolean selects(JsonNode selector, JsonNode labels) {
    boolean matches = true;
    for (var label : (Iterable<Map.Entry<String, JsonNode>>) selector.path("matchLabels")::fields) {
      matches &= label.getValue().asText().equals(labels.path(label.getKey()).asText(null));
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String value = labels.path(expression.path("key").asText()).asText(null);
      List<String> values = new ArrayList<>();
      expression.path("values").forEach(each -> values.add(each.asText()));
      matches &= switch (expression.path("operator").asText()) {
        case "In" -> values.contains(value);
        case "NotIn" -> !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false;
      };
    }
    return matches;
  }

  private static List<JsonNode> peers(JsonNode rule, String direction) {
    List<JsonNode> peers = new ArrayList<>();
    rule.path(direction).forEach(peers::add);
    return peers;
  }

  private static JsonNode podLabels(Manifest deployment) {
    return deployment.json().path("spec").path("template").path("metadata").path("labels");
  }

  private List<Manifest> shopDeployments() {
    return all("Deployment").stream().filter(deployment -> "service".equals(podLabels(deployment).path("app.kubernetes.io/component").asText(null))).toList();
  }

  private List<Manifest> all(String kind) {
    return Manifest.ofKind(objects, kind);
  }

  private Optional<Manifest> find(String kind, String name) {
    return Manifest.named(objects, kind, name);
  }

  private void report(Manifest object, String finding) {
    findings.add(object + ": " + finding);
  }
}
