package io.sagashop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.stack.IngressRoutes;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The project's own rules for a rendered overlay, beyond what the schemas can say: what a pod needs
 * to heal, scale and shut down without losing work, that every reference points at something that
 * exists, and that the platform parts match what the services expect.
 */
final class ShopRules {

  /** What the rules need to know besides the objects. */
  record Context(
      Map<String, Set<String>> templateSecrets,
      int shutdownPhaseSeconds,
      List<String> topics,
      int requiredTopicReplicas,
      Set<String> pagePaths,
      Map<String, Set<String>> calls,
      boolean highlyAvailable,
      Set<String> kafkaClients,
      Set<String> databaseClients,
      Set<String> issuerClients,
      Map<String, ShopSources.KafkaUse> kafkaUse,
      IngressRoutes entryRoutes) {}

  private static final Set<String> NEVER_ROUTED = Set.of("/internal", "/saga", "/actuator");
  private static final String NAME = "app.kubernetes.io/name";
  private static final String COMPONENT = "app.kubernetes.io/component";
  private static final String SERVICE = "service";

  private final List<Manifest> objects;
  private final Context context;
  private final List<String> findings = new ArrayList<>();

  private ShopRules(List<Manifest> objects, Context context) {
    this.objects = objects;
    this.context = context;
  }

  static List<String> check(List<Manifest> objects, Context context) {
    ShopRules rules = new ShopRules(objects, context);
    rules.deployments();
    rules.services();
    rules.ingress();
    rules.localEntry();
    rules.page();
    rules.callGraph();
    rules.scaling();
    rules.kafka();
    rules.postgres();
    rules.identity();
    rules.management();
    Function<Manifest, Map<String, String>> environment =
        deployment -> rules.environmentOf(deployment.json().path("spec").path("template").path("spec").path("containers").path(0));
    rules.findings.addAll(Connections.check(objects, context, environment));
    rules.findings.addAll(KafkaPermissions.check(objects, context.kafkaUse(), environment));
    return rules.findings;
  }

  private void deployments() {
    for (Manifest deployment : all("Deployment")) {
      JsonNode spec = deployment.json().path("spec");
      JsonNode pod = spec.path("template").path("spec");
      if (spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1) != 0) {
        report(deployment, "a rolling update must keep every pod until its successor is ready (strategy.rollingUpdate.maxUnavailable: 0)");
      }
      if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
        report(deployment, "the pod must run as non-root (spec.template.spec.securityContext.runAsNonRoot: true)");
      }
      for (JsonNode container : pod.path("containers")) {
        String at = "container \"" + container.path("name").asText() + "\"";
        Set<String> ports = portsOf(container);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          JsonNode check = container.path(probe);
          if (check.isMissingNode()) {
            report(deployment, at + " has no " + probe);
          } else {
            JsonNode port = check.path("httpGet").path("port").isMissingNode() ? check.path("tcpSocket").path("port") : check.path("httpGet").path("port");
            if (!port.isMissingNode() && !ports.contains(port.asText())) {
              report(deployment, at + ": " + probe + " points at port " + port.asText() + ", which the container does not declare " + ports);
            }
          }
        }
        for (String resource : List.of("cpu", "memory")) {
          if (container.path("resources").path("requests").path(resource).isMissingNode()) {
            report(deployment, at + " has no resources.requests." + resource);
          }
        }
        if (container.path("resources").path("limits").path("memory").isMissingNode()) {
          report(deployment, at + " has no resources.limits.memory");
        }
        if (container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)) {
          report(deployment, at + " must not allow privilege escalation (securityContext.allowPrivilegeEscalation: false)");
        }
        int preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt(0);
        int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
        if (grace <= preStop + context.shutdownPhaseSeconds()) {
          report(deployment, "terminationGracePeriodSeconds " + grace + " must exceed the preStop sleep (" + preStop
              + " s) plus Spring's shutdown phase (" + context.shutdownPhaseSeconds() + " s)");
        }
        references(deployment, at, container);
      }
    }
  }

  /** Every ConfigMap and Secret a container reads exists and has the key it reads. */
  private void references(Manifest deployment, String at, JsonNode container) {
    for (JsonNode source : container.path("envFrom")) {
      if (source.has("configMapRef") && !source.path("configMapRef").path("optional").asBoolean(false)) {
        String name = source.path("configMapRef").path("name").asText();
        if (configMapKeys(name).isEmpty()) {
          report(deployment, at + " reads ConfigMap " + name + ", which does not exist");
        }
      }
      if (source.has("secretRef") && !source.path("secretRef").path("optional").asBoolean(false)) {
        String name = source.path("secretRef").path("name").asText();
        if (secretKeys(name).isEmpty()) {
          report(deployment, at + " reads Secret " + name + ", which neither the overlay nor secrets/secrets.template.yaml defines");
        }
      }
    }
    for (JsonNode variable : container.path("env")) {
      JsonNode from = variable.path("valueFrom");
      String name = variable.path("name").asText();
      if (from.has("configMapKeyRef")) {
        JsonNode ref = from.get("configMapKeyRef");
        Optional<Set<String>> keys = configMapKeys(ref.path("name").asText());
        if (keys.isEmpty() || !keys.get().contains(ref.path("key").asText())) {
          report(deployment, at + ": " + name + " reads key " + ref.path("key").asText() + " of ConfigMap " + ref.path("name").asText() + ", which does not exist");
        }
      }
      if (from.has("secretKeyRef")) {
        JsonNode ref = from.get("secretKeyRef");
        Optional<Set<String>> keys = secretKeys(ref.path("name").asText());
        if (keys.isEmpty() || !keys.get().contains(ref.path("key").asText())) {
          report(deployment, at + ": " + name + " reads key " + ref.path("key").asText() + " of Secret " + ref.path("name").asText()
              + ", which neither the overlay nor secrets/secrets.template.yaml defines");
        }
      }
    }
  }

  /** Each Service selects pods, and its target port is one those pods declare. */
  private void services() {
    for (Manifest service : all("Service")) {
      List<Manifest> selected = deploymentsSelectedBy(service.json().path("spec").path("selector"));
      if (selected.isEmpty()) {
        report(service, "its selector matches no Deployment's pods");
      }
      for (JsonNode port : service.json().path("spec").path("ports")) {
        String target = port.path("targetPort").asText(port.path("port").asText());
        for (Manifest deployment : selected) {
          boolean declared = false;
          for (JsonNode container : deployment.json().path("spec").path("template").path("spec").path("containers")) {
            declared |= portsOf(container).contains(target);
          }
          if (!declared) {
            report(service, "targetPort " + target + " is not a port of " + deployment.kind() + " " + deployment.name());
          }
        }
      }
    }
  }

  /** Every Ingress path reaches an existing Service port; internal paths are never routed. */
  private void ingress() {
    for (Manifest ingress : all("Ingress")) {
      for (JsonNode rule : ingress.json().path("spec").path("rules")) {
        for (JsonNode path : rule.path("http").path("paths")) {
          String route = path.path("path").asText();
          JsonNode backend = path.path("backend").path("service");
          Optional<Manifest> service = find("Service", backend.path("name").asText());
          if (service.isEmpty()) {
            report(ingress, "path " + route + " leads to Service " + backend.path("name").asText() + ", which does not exist");
            continue;
          }
          Set<String> ports = new HashSet<>();
          service.get().json().path("spec").path("ports").forEach(port -> {
            ports.add(port.path("name").asText());
            ports.add(port.path("port").asText());
          });
          String wanted = backend.path("port").has("name") ? backend.path("port").path("name").asText() : backend.path("port").path("number").asText();
          if (!ports.contains(wanted)) {
            report(ingress, "path " + route + " uses port " + wanted + " of Service " + service.get().name() + ", which has " + ports);
          }
          boolean prefix = "Prefix".equals(path.path("pathType").asText()) || "ImplementationSpecific".equals(path.path("pathType").asText());
          for (String internal : NEVER_ROUTED) {
            if (route.startsWith(internal) || (prefix && internal.startsWith(route.endsWith("/") ? route : route + "/"))) {
              report(ingress, "path " + route + " would publish " + internal + ", which must stay inside the cluster");
            }
          }
        }
      }
    }
  }

  /**
   * The local stack's entry serves the base's Ingresses (k8s/base/ingress.yaml, packed into its jar):
   * an overlay that routes the shop's host otherwise would be a cluster the local tests no longer
   * speak for.
   */
  private void localEntry() {
    if (context.entryRoutes() == null) {
      return;
    }
    Set<String> local = new TreeSet<>();
    Set<String> names = new HashSet<>();
    for (IngressRoutes.Route route : context.entryRoutes().all()) {
      local.add(route.ingress() + " " + route.path() + (route.exact() ? " (exact)" : "") + " -> " + route.service().module()
          + (route.affinityCookie() == null ? "" : " with affinity " + route.affinityCookie()));
      names.add(route.ingress());
    }
    Set<String> rendered = new TreeSet<>();
    for (Manifest ingress : all("Ingress")) {
      if (!names.contains(ingress.name())) {
        continue;
      }
      JsonNode annotations = ingress.json().path("metadata").path("annotations");
      String affinity = "cookie".equals(annotations.path("nginx.ingress.kubernetes.io/affinity").asText())
          ? " with affinity " + annotations.path("nginx.ingress.kubernetes.io/session-cookie-name").asText("INGRESSCOOKIE") : "";
      for (JsonNode rule : ingress.json().path("spec").path("rules")) {
        for (JsonNode path : rule.path("http").path("paths")) {
          rendered.add(ingress.name() + " " + path.path("path").asText() + ("Exact".equals(path.path("pathType").asText()) ? " (exact)" : "")
              + " -> " + path.path("backend").path("service").path("name").asText() + affinity);
        }
      }
    }
    if (!rendered.equals(local)) {
      Set<String> onlyHere = new TreeSet<>(rendered);
      onlyHere.removeAll(local);
      Set<String> onlyLocal = new TreeSet<>(local);
      onlyLocal.removeAll(rendered);
      findings.add("the overlay's Ingresses route otherwise than the local stack's entry (k8s/base/ingress.yaml): only in the overlay "
          + onlyHere + ", only in the entry " + onlyLocal);
    }
  }

  /** Autoscalers and budgets act on existing Deployments; the orchestrator runs as a cluster of two or more. */
  private void scaling() {
    for (Manifest autoscaler : all("HorizontalPodAutoscaler")) {
      JsonNode target = autoscaler.json().path("spec").path("scaleTargetRef");
      Optional<Manifest> deployment = find(target.path("kind").asText(), target.path("name").asText());
      if (deployment.isEmpty()) {
        report(autoscaler, "scales " + target.path("kind").asText() + " " + target.path("name").asText() + ", which does not exist");
      } else if (deployment.get().json().path("spec").path("replicas").asInt(1) < autoscaler.json().path("spec").path("minReplicas").asInt(1)) {
        report(deployment.get(), "replicas is below the HorizontalPodAutoscaler's minReplicas");
      }
    }
    for (Manifest budget : all("PodDisruptionBudget")) {
      if (deploymentsSelectedBy(budget.json().path("spec").path("selector").path("matchLabels")).isEmpty()) {
        report(budget, "its selector matches no Deployment's pods");
      }
    }
    find("Deployment", "orchestrator").ifPresentOrElse(
        orchestrator -> {
          if (orchestrator.json().path("spec").path("replicas").asInt(1) < 2) {
            report(orchestrator, "the orchestrator runs with at least two replicas (Camunda's cluster model)");
          }
          if (all("HorizontalPodAutoscaler").stream().noneMatch(hpa -> hpa.name().equals("orchestrator") && hpa.json().path("spec").path("minReplicas").asInt(1) >= 2)) {
            report(orchestrator, "needs a HorizontalPodAutoscaler that keeps at least two replicas");
          }
        },
        () -> findings.add("no Deployment named orchestrator"));
    for (String needed : List.of("order-service", "orchestrator")) {
      if (find("HorizontalPodAutoscaler", needed).isEmpty()) {
        findings.add("no HorizontalPodAutoscaler for " + needed);
      }
    }
    if (context.highlyAvailable()) {
      all("Deployment").stream().filter(deployment -> SERVICE.equals(deployment.json().path("metadata").path("labels").path(COMPONENT).asText()))
          .forEach(this::noSingleReplica);
    }
  }

  /** On the customer's path in production: two replicas at least, kept by the autoscaler, a budget, spread over nodes. */
  private void noSingleReplica(Manifest deployment) {
    if (deployment.json().path("spec").path("replicas").asInt(1) < 2) {
      report(deployment, "runs a single replica: a node drain takes the whole service down");
    }
    if (all("HorizontalPodAutoscaler").stream().anyMatch(hpa -> hpa.json().path("spec").path("scaleTargetRef").path("name").asText().equals(deployment.name())
        && hpa.json().path("spec").path("minReplicas").asInt(1) < 2)) {
      report(deployment, "its HorizontalPodAutoscaler may scale it down to one replica");
    }
    if (all("PodDisruptionBudget").stream().noneMatch(budget -> deploymentsSelectedBy(budget.json().path("spec").path("selector").path("matchLabels"))
        .contains(deployment))) {
      report(deployment, "has no PodDisruptionBudget: a drain may take all its replicas at once");
    }
    boolean spread = false;
    for (JsonNode constraint : deployment.json().path("spec").path("template").path("spec").path("topologySpreadConstraints")) {
      spread |= "kubernetes.io/hostname".equals(constraint.path("topologyKey").asText());
    }
    if (!spread) {
      report(deployment, "its replicas are not spread over nodes (topologySpreadConstraints on kubernetes.io/hostname)");
    }
  }

  /** The topics are the ones the services use, on the cluster the services connect to. */
  private void kafka() {
    Set<String> clusters = all("Kafka").stream().map(Manifest::name).collect(Collectors.toSet());
    Set<String> topics = new HashSet<>();
    for (Manifest topic : all("KafkaTopic")) {
      JsonNode spec = topic.json().path("spec");
      topics.add(spec.path("topicName").asText(topic.name()));
      String cluster = topic.json().path("metadata").path("labels").path("strimzi.io/cluster").asText();
      if (!clusters.contains(cluster)) {
        report(topic, "belongs to Kafka cluster \"" + cluster + "\", which is not in the overlay " + clusters);
      }
      if (spec.path("replicas").asInt() < context.requiredTopicReplicas()) {
        report(topic, "needs replicas: " + context.requiredTopicReplicas() + " (has " + spec.path("replicas").asInt() + ")");
      }
      if (spec.path("partitions").asInt() < 3) {
        report(topic, "needs at least 3 partitions so that consumers can scale out");
      }
    }
    if (!topics.equals(Set.copyOf(context.topics()))) {
      findings.add("the KafkaTopics " + topics + " differ from the topics the services use " + context.topics());
    }
    for (String bootstrap : configValues("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
      String host = bootstrap.split(":")[0];
      if (clusters.stream().noneMatch(cluster -> host.equals(cluster + "-kafka-bootstrap"))) {
        findings.add("SPRING_KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is not the bootstrap Service of a Kafka in the overlay " + clusters);
      }
    }
  }

  /** Each service's database exists in the PostgreSQL cluster its URL points at. */
  private void postgres() {
    Map<String, Set<String>> databases = new HashMap<>();
    for (Manifest database : all("Database")) {
      JsonNode spec = database.json().path("spec");
      databases.computeIfAbsent(spec.path("cluster").path("name").asText(), cluster -> new HashSet<>()).add(spec.path("name").asText());
    }
    for (String url : configValues("SPRING_DATASOURCE_URL")) {
      URI uri = URI.create(url.substring("jdbc:".length()));
      String cluster = uri.getHost().replaceFirst("-rw$", "");
      String database = uri.getPath().substring(1);
      if (!databases.getOrDefault(cluster, Set.of()).contains(database)) {
        findings.add("SPRING_DATASOURCE_URL " + url + " names database " + database + " of cluster " + cluster
            + ", which the overlay does not create " + databases);
      }
    }
  }

  /**
   * Every service knows the issuer; staff can sign into the webapps through the Ingress; and where the
   * overlay runs the shop's own provider, browsers reach it on the issuer's host while the services
   * reach it through its Service (the issuer's host may resolve to 127.0.0.1 inside a pod).
   */
  private void identity() {
    for (String path : List.of("/oauth2/authorization/webapps", "/login/oauth2/code/webapps")) {
      if (!routed(null, path, "orchestrator")) {
        findings.add("no Ingress routes " + path + " to the orchestrator: staff could not sign into the webapps");
      }
    }
    boolean ownProvider = find("Deployment", "identity-service").isPresent();
    for (Manifest deployment : all("Deployment")) {
      JsonNode container = deployment.json().path("spec").path("template").path("spec").path("containers").path(0);
      Map<String, String> environment = environmentOf(container);
      String issuer = environment.get("SAGASHOP_IDENTITY_ISSUER");
      if (issuer == null) {
        report(deployment, "is not given SAGASHOP_IDENTITY_ISSUER");
        continue;
      }
      if (!ownProvider || deployment.name().equals("identity-service")) {
        continue;
      }
      String host = URI.create(issuer).getHost();
      for (String path : List.of("/oauth2/authorize", "/oauth2/token", "/.well-known/openid-configuration", "/login")) {
        if (!routed(host, path, "identity-service")) {
          report(deployment, "its issuer " + issuer + " is not routed: no Ingress sends " + host + path + " to identity-service");
        }
      }
      for (String key : List.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDENTITY_TOKENURI",
          "SAGASHOP_PAGE_IDENTITY_DISCOVERY_URI")) {
        String uri = environment.get(key);
        if (uri == null || find("Service", URI.create(uri).getHost()).isEmpty()) {
          report(deployment, "needs " + key + " at the provider's Service inside the cluster (has " + uri + ")");
        }
      }
      // with a token URI set, nothing is discovered: the browser's sign-in page must be named too
      String signIn = environment.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDENTITY_AUTHORIZATIONURI");
      if (signIn == null || !host.equals(URI.create(signIn).getHost())) {
        report(deployment, "needs SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDENTITY_AUTHORIZATIONURI on the issuer's host " + host + " (has " + signIn + ")");
      }
    }
  }

  /**
   * The actuator answers on a management port of its own: the probes and Prometheus use it, and no
   * Service publishes it, so no Ingress can route it whatever its paths.
   */
  private void management() {
    for (Manifest deployment : all("Deployment")) {
      JsonNode pod = deployment.json().path("spec").path("template");
      JsonNode container = pod.path("spec").path("containers").path(0);
      Map<String, String> environment = environmentOf(container);
      String port = environment.get("MANAGEMENT_SERVER_PORT");
      if (port == null || port.equals(environment.get("SERVER_PORT"))) {
        report(deployment, "the actuator needs a port of its own (MANAGEMENT_SERVER_PORT, has " + port + ")");
        continue;
      }
      Set<String> names = new HashSet<>(Set.of(port));
      for (JsonNode declared : container.path("ports")) {
        if (declared.path("containerPort").asText().equals(port)) {
          names.add(declared.path("name").asText());
        }
      }
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        String target = container.path(probe).path("httpGet").path("port").asText();
        if (!names.contains(target)) {
          report(deployment, probe + " asks port " + target + ", but the actuator answers on " + port);
        }
      }
      JsonNode scraped = pod.path("metadata").path("annotations").path("prometheus.io/port");
      if (!scraped.isMissingNode() && !scraped.asText().equals(port)) {
        report(deployment, "Prometheus scrapes port " + scraped.asText() + ", but the actuator answers on " + port);
      }
      for (Manifest service : all("Service")) {
        if (!deploymentsSelectedBy(service.json().path("spec").path("selector")).contains(deployment)) {
          continue;
        }
        for (JsonNode published : service.json().path("spec").path("ports")) {
          if (names.contains(published.path("targetPort").asText(published.path("port").asText()))) {
            report(service, "publishes the management port " + port + " of " + deployment.name() + ", which an Ingress could then route");
          }
        }
      }
    }
  }

  /** Every path the customer's page calls reaches order-service through an Ingress (the page's first is /page-settings). */
  private void page() {
    for (String path : context.pagePaths()) {
      if (!routed(null, path, "order-service")) {
        findings.add("no Ingress routes " + path + " to order-service, and the customer's page calls it");
      }
    }
  }

  /**
   * The NetworkPolicies admit exactly the calls the services are configured to make
   * ({@code sagashop.services.*-url}), both ways: no configured call is refused, and no policy
   * admits a shop service by name to another it never calls.
   */
  private void callGraph() {
    Set<String> deployed = all("Deployment").stream().map(Manifest::name).collect(Collectors.toSet());
    context.calls().forEach((caller, callees) -> {
      for (String callee : callees) {
        if (deployed.contains(caller) && deployed.contains(callee) && !admits(callee, caller)) {
          findings.add("no NetworkPolicy lets " + caller + " call " + callee + ", and its configuration names " + callee + "'s URL");
        }
      }
    });
    for (Manifest policy : all("NetworkPolicy")) {
      String callee = policy.json().path("spec").path("podSelector").path("matchLabels").path(NAME).asText(null);
      for (JsonNode rule : policy.json().path("spec").path("ingress")) {
        for (JsonNode peer : rule.path("from")) {
          String caller = peer.path("podSelector").path("matchLabels").path(NAME).asText(null);
          if (callee != null && caller != null && !context.calls().getOrDefault(caller, Set.of()).contains(callee)) {
            report(policy, "lets " + caller + " call " + callee + ", which it is never configured to call");
          }
        }
      }
    }
  }

  /** Whether a NetworkPolicy that selects the callee's pods admits the caller's pods (by name, or as any shop service). */
  private boolean admits(String callee, String caller) {
    for (Manifest policy : all("NetworkPolicy")) {
      JsonNode selected = policy.json().path("spec").path("podSelector").path("matchLabels");
      if (!callee.equals(selected.path(NAME).asText()) && !SERVICE.equals(selected.path(COMPONENT).asText())) {
        continue;
      }
      for (JsonNode rule : policy.json().path("spec").path("ingress")) {
        for (JsonNode peer : rule.path("from")) {
          JsonNode labels = peer.path("podSelector").path("matchLabels");
          if (peer.has("namespaceSelector") || labels.isMissingNode()) {
            continue;
          }
          if (caller.equals(labels.path(NAME).asText()) || SERVICE.equals(labels.path(COMPONENT).asText())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether an Ingress rule for the host (any host when null) sends the path to the Service. */
  private boolean routed(String host, String wanted, String service) {
    for (Manifest ingress : all("Ingress")) {
      for (JsonNode rule : ingress.json().path("spec").path("rules")) {
        if (host != null && !host.equals(rule.path("host").asText(null))) {
          continue;
        }
        for (JsonNode path : rule.path("http").path("paths")) {
          String route = path.path("path").asText();
          boolean matches = "Exact".equals(path.path("pathType").asText())
              ? wanted.equals(route)
              : wanted.equals(route) || wanted.startsWith(route.endsWith("/") ? route : route + "/");
          if (matches && service.equals(path.path("backend").path("service").path("name").asText())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The variables a container is given: its own and those of the ConfigMaps it reads (Secrets' values unknown). */
  private Map<String, String> environmentOf(JsonNode container) {
    Map<String, String> environment = new HashMap<>();
    for (JsonNode source : container.path("envFrom")) {
      find("ConfigMap", source.path("configMapRef").path("name").asText())
          .ifPresent(map -> map.json().path("data").fields().forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue().asText())));
    }
    for (JsonNode variable : container.path("env")) {
      environment.put(variable.path("name").asText(), variable.path("value").asText("(from " + variable.path("valueFrom").fieldNames().next() + ")"));
    }
    return environment;
  }

  private List<String> configValues(String key) {
    return all("ConfigMap").stream()
        .map(map -> map.json().path("data").path(key))
        .filter(value -> !value.isMissingNode())
        .map(JsonNode::asText)
        .toList();
  }

  private Optional<Set<String>> configMapKeys(String name) {
    return find("ConfigMap", name).map(map -> fieldNames(map.json().path("data")));
  }

  private Optional<Set<String>> secretKeys(String name) {
    Optional<Set<String>> rendered =
        find("Secret", name).map(secret -> {
          Set<String> keys = fieldNames(secret.json().path("data"));
          keys.addAll(fieldNames(secret.json().path("stringData")));
          return keys;
        });
    if (rendered.isPresent()) {
      return rendered;
    }
    // Strimzi's user operator writes each KafkaUser's password into a Secret of the user's name
    if (find("KafkaUser", name).isPresent()) {
      return Optional.of(KafkaPermissions.USER_SECRET_KEYS);
    }
    return Optional.ofNullable(context.templateSecrets().get(name));
  }

  private List<Manifest> deploymentsSelectedBy(JsonNode selector) {
    return all("Deployment").stream()
        .filter(deployment -> {
          JsonNode labels = deployment.json().path("spec").path("template").path("metadata").path("labels");
          boolean matches = selector.size() > 0;
          for (var entry : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
            matches &= entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null));
          }
          return matches;
        })
        .toList();
  }

  private static Set<String> portsOf(JsonNode container) {
    Set<String> ports = new TreeSet<>();
    for (JsonNode port : container.path("ports")) {
      ports.add(port.path("name").asText());
      ports.add(port.path("containerPort").asText());
    }
    return ports;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
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
