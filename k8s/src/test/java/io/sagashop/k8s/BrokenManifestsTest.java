package io.sagashop.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * A manifest with a mistake fails the build with a message that names the file and the object:
 * each test breaks one thing in a copy of k8s/ and reads what the checks say.
 */
@Tag("integration")
class BrokenManifestsTest {

  private static final String OVERLAY = "overlays/production";

  @TempDir Path copy;
  private Path k8s;

  @BeforeEach
  void copyTheManifests() throws IOException {
    k8s = copy.resolve("repo/k8s");
    for (String part : List.of("base", "components", "overlays", "secrets")) {
      FileSystemUtils.copyRecursively(Path.of(part), k8s.resolve(part));
    }
    // the checks also read the services' shared defaults, next to k8s/
    Path defaults = Path.of("../platform/src/main/resources/sagashop-platform-defaults.yml");
    Files.createDirectories(copy.resolve("repo/platform/src/main/resources"));
    Files.copy(defaults, copy.resolve("repo/platform/src/main/resources/sagashop-platform-defaults.yml"));
  }

  @Test
  void shouldNameTheFileAndObjectOfAFieldWithATypo() {
    edit("base/services/payment-service.yaml", "revisionHistoryLimit:", "revisionHistoryLimt:");

    assertThat(findings()).containsExactly(
        "base/services/payment-service.yaml (Deployment payment-service): unknown field \"revisionHistoryLimt\" at spec");
  }

  @Test
  void shouldRejectAnUnknownFieldInAStrimziResource() {
    edit("base/kafka/kafka.yaml", "deleteClaim: false\n        kraftMetadata", "deleteClaim: false\n        kraftMetadat");

    assertThat(findings()).containsExactly(
        "base/kafka/kafka.yaml (KafkaNodePool controllers): unknown field \"kraftMetadat\" at spec.storage.volumes[0]");
  }

  @Test
  void shouldRejectAnUnknownFieldInACloudNativePgResource() {
    edit("base/postgres/cluster.yaml", "  instances: 3", "  instance: 3");

    assertThat(findings()).singleElement().asString()
        .startsWith("base/postgres/cluster.yaml (Cluster sagashop-db): Unrecognized field \"instance\"")
        .endsWith("at spec.instance");
  }

  @Test
  void shouldNameEveryDeploymentWhoseProbePointsAtAMissingPort() {
    edit("components/service-defaults/service-defaults.yaml", "      path: /actuator/health/readiness\n      port: management", "      path: /actuator/health/readiness\n      port: admin");

    assertThat(findings()).hasSize(10).contains(
        "base/services/delivery-service.yaml (Deployment delivery-service): container \"delivery-service\": "
            + "readinessProbe points at port admin, which the container does not declare [8080, 8081, http, management]",
        "base/services/delivery-service.yaml (Deployment delivery-service): readinessProbe asks port admin, but the actuator answers on 8081");
  }

  @Test
  void shouldRefuseToPublishTheManagementPort() {
    edit("base/services/payment-service.yaml", "      targetPort: http", "      targetPort: management");

    assertThat(findings()).containsExactly(
        "base/services/payment-service.yaml (Service payment-service): publishes the management port 8081 of payment-service, which an Ingress could then route",
        "base/services/orchestrator.yaml (Deployment orchestrator): no NetworkPolicy lets it reach payment-service on port management, which its configuration names");
  }

  @Test
  void shouldFailWhenTheActuatorSharesThePortTheIngressRoutes() {
    edit("base/kustomization.yaml", "      - MANAGEMENT_SERVER_PORT=8081\n", "");

    assertThat(findings()).hasSize(5).contains(
        "base/services/order-service.yaml (Deployment order-service): the actuator needs a port of its own (MANAGEMENT_SERVER_PORT, has null)");
  }

  @Test
  void shouldNameTheDeploymentThatReadsAMissingSecretKey() {
    edit("base/services/orchestrator.yaml", "key: password", "key: pasword");

    assertThat(findings()).containsExactly(
        "base/services/orchestrator.yaml (Deployment orchestrator): container \"orchestrator\": SPRING_DATASOURCE_PASSWORD "
            + "reads key pasword of Secret orchestrator-db, which neither the overlay nor secrets/secrets.template.yaml defines");
  }

  @Test
  void shouldNameTheIngressWhosePathLeadsToAMissingService() {
    edit("base/ingress.yaml", "name: orchestrator", "name: orchestrater");

    assertThat(findings()).contains(
        "base/ingress.yaml (Ingress sagashop-staff): path /camunda leads to Service orchestrater, which does not exist");
  }

  @Test
  void shouldRefuseToPublishInternalPaths() {
    edit("base/ingress.yaml", "- path: /catalog", "- path: /internal");

    assertThat(findings()).containsExactly(
        "base/ingress.yaml (Ingress sagashop): path /internal would publish /internal, which must stay inside the cluster",
        "no Ingress routes /catalog to order-service, and the customer's page calls it");
  }

  @Test
  void shouldFailOnASingleReplicaOnTheCustomersPathInProduction() {
    // payment-service and delivery-service ran one replica each: a node drain took each down entirely
    edit("base/services/payment-service.yaml", "  replicas: 2", "  replicas: 1");
    edit("base/services/payment-service.yaml", "  minReplicas: 2", "  minReplicas: 1");
    edit("components/service-defaults/service-defaults.yaml", "topologyKey: kubernetes.io/hostname", "topologyKey: topology.kubernetes.io/zone");

    assertThat(findings()).contains(
        "base/services/payment-service.yaml (Deployment payment-service): runs a single replica: a node drain takes the whole service down",
        "base/services/payment-service.yaml (Deployment payment-service): its HorizontalPodAutoscaler may scale it down to one replica",
        "base/services/order-service.yaml (Deployment order-service): its replicas are not spread over nodes (topologySpreadConstraints on kubernetes.io/hostname)");
  }

  @Test
  void shouldFailWhenThePagesFirstCallIsNotRouted() {
    // the outage a cluster showed: the sign-in button met a 404, since /page-settings was not routed
    edit("base/ingress.yaml", "- path: /page-settings", "- path: /page-settings-of-old");

    assertThat(findings()).containsExactly("no Ingress routes /page-settings to order-service, and the customer's page calls it");
  }

  @Test
  void shouldFailWhenAnOverlayRoutesOtherwiseThanTheLocalEntry() {
    // the local stack's entry serves the base's paths: a path only production routes is tried nowhere here
    edit("overlays/production/ingress-host.yaml", "- op: add\n  path: /spec/tls\n",
        "- op: add\n  path: /spec/rules/0/http/paths/-\n  value:\n    path: /receipts\n    pathType: Prefix\n"
            + "    backend:\n      service:\n        name: order-service\n        port:\n          name: http\n"
            + "- op: add\n  path: /spec/tls\n");

    assertThat(findings()).contains(
        "the overlay's Ingresses route otherwise than the local stack's entry (k8s/base/ingress.yaml): only in the overlay "
            + "[sagashop /receipts -> order-service, sagashop-staff /receipts -> order-service with affinity sagashop-route], only in the entry []");
  }

  @Test
  void shouldFailWhenAConfiguredCallIsRefusedOrAPolicyAdmitsACallNobodyMakes() {
    // the other outage: no policy admitted the orchestrator to delivery-service, so a receipt answered 503
    String admitted = "      app.kubernetes.io/name: delivery-service\n  policyTypes:\n    - Ingress\n  ingress:\n    - from:\n"
        + "        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: ";
    edit("base/network-policies.yaml", admitted + "orchestrator", admitted + "order-service");

    assertThat(findings()).containsExactlyInAnyOrder(
        "no NetworkPolicy lets orchestrator call delivery-service, and its configuration names delivery-service's URL",
        "base/network-policies.yaml (NetworkPolicy delivery-service-callers): lets order-service call delivery-service, which it is never configured to call");
  }

  @Test
  void shouldFailWhenTheServicesAreConfiguredForABrokerTheirPoliciesDoNotLetThemReach() {
    edit("base/kustomization.yaml", "SPRING_KAFKA_BOOTSTRAP_SERVERS=sagashop-kafka-bootstrap:9092", "SPRING_KAFKA_BOOTSTRAP_SERVERS=sagashop-kafka-bootstrap:9093");

    assertThat(findings()).hasSize(10).contains(
        "base/services/order-service.yaml (Deployment order-service): no NetworkPolicy lets it reach the Kafka brokers of "
            + "sagashop-kafka-bootstrap:9093 on port 9093, which its configuration names",
        "base/kafka/kafka.yaml (Kafka sagashop): listener plain admits order-service, which is never configured to use it");
  }

  @Test
  void shouldFailWhenAnEgressPolicyLetsAServiceReachWhatItNeverCalls() {
    String egress = "      app.kubernetes.io/name: payment-service\n  policyTypes:\n    - Egress\n  egress:\n";
    edit("base/network-policies.yaml", egress, egress
        + "    - to:\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: inventory-service\n      ports:\n        - port: http\n");

    assertThat(findings()).containsExactly(
        "base/services/payment-service.yaml (Deployment payment-service): an egress policy lets it reach the pods "
            + "{app.kubernetes.io/name=inventory-service}, which it is never configured to reach");
  }

  @Test
  void shouldFailWhenTheBrokerOrTheDatabaseDoesNotLetAClientIn() {
    edit("base/kafka/kafka.yaml", "          - podSelector:\n              matchLabels:\n                app.kubernetes.io/name: delivery-service\n", "");
    edit("base/postgres/network-policy.yaml", "        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: inventory-service\n", "");

    assertThat(findings()).containsExactlyInAnyOrder(
        "base/kafka/kafka.yaml (Kafka sagashop): listener plain does not admit delivery-service, which is configured to use it",
        "base/postgres/cluster.yaml (Cluster sagashop-db): no NetworkPolicy lets inventory-service in, whose datasource is this cluster");
  }

  @Test
  void shouldFailWhenAnyPodMaySpeakToKafka() {
    // the open door a review found: a plain listener, no sign-in, no ACLs
    edit("base/kafka/kafka.yaml", "        authentication:\n          type: scram-sha-512\n", "");
    edit("base/kafka/kafka.yaml", "    authorization:\n      type: simple\n", "");

    assertThat(findings()).containsExactlyInAnyOrder(
        "base/kafka/kafka.yaml (Kafka sagashop): listener plain lets any pod in without signing in (authentication.type: scram-sha-512, as the services' KafkaUsers)",
        "base/kafka/kafka.yaml (Kafka sagashop): every signed-in client may do anything (spec.kafka.authorization.type: simple, so that the KafkaUsers' ACLs count)");
  }

  @Test
  void shouldFailWhenAUserMayDoMoreOrLessThanItsServiceDoes() {
    // inventory-service could ship an unpaid order with a StartDelivery; payment-service could not commit its offsets
    String inventory = "  name: inventory-service\n  labels:\n    strimzi.io/cluster: sagashop\n"
        + "spec:\n  authentication:\n    type: scram-sha-512\n  authorization:\n    type: simple\n    acls:\n";
    edit("base/kafka/users.yaml", inventory, inventory
        + "      - resource:\n          type: topic\n          name: delivery.commands\n          patternType: literal\n        operations: [Write]\n");
    edit("base/kafka/users.yaml", "          name: payment-service\n          patternType: literal\n        operations: [Read]",
        "          name: payment-service\n          patternType: literal\n        operations: [Describe]");

    assertThat(findings()).containsExactlyInAnyOrder(
        "base/kafka/users.yaml (KafkaUser inventory-service): grants Write topic delivery.commands, which inventory-service's configuration never uses",
        "base/kafka/users.yaml (KafkaUser payment-service): lacks Read group payment-service, which payment-service's configuration needs",
        "base/kafka/users.yaml (KafkaUser payment-service): grants Describe group payment-service, which payment-service's configuration never uses");
  }

  @Test
  void shouldFailWhenAServiceDoesNotSignInAsItsOwnUser() {
    edit("base/services/delivery-service.yaml", "                  name: delivery-service\n                  key: sasl.jaas.config",
        "                  name: orchestrator\n                  key: sasl.jaas.config");
    edit("base/kafka/users.yaml", "  name: inventory-service\n", "  name: inventory\n");

    assertThat(findings()).containsExactlyInAnyOrder(
        "base/services/delivery-service.yaml (Deployment delivery-service): must sign in to Kafka as KafkaUser delivery-service "
            + "(SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG from key sasl.jaas.config of Secret delivery-service)",
        "base/services/inventory-service.yaml (Deployment inventory-service): uses Kafka, but no KafkaUser inventory-service lets it in",
        "base/services/inventory-service.yaml (Deployment inventory-service): container \"inventory-service\": SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG "
            + "reads key sasl.jaas.config of Secret inventory-service, which neither the overlay nor secrets/secrets.template.yaml defines",
        "base/kafka/users.yaml (KafkaUser inventory): no service signs in as this user; it is a way in nobody needs");
  }

  @Test
  void shouldFailWhenTheServicesCannotReachAnOutsideIssuer() {
    edit("overlays/production/kustomization.yaml", "  - issuer-egress.yaml\n", "");

    assertThat(findings()).hasSize(5).contains(
        "base/services/payment-service.yaml (Deployment payment-service): no NetworkPolicy lets it reach the identity provider at CHANGE_ME "
            + "on port 443, which its configuration names");
  }

  @Test
  void shouldKeepTheShopsOwnProviderHighlyAvailableInAProductionOverlay() throws IOException {
    // production with the shop's own provider instead of an outside one (before: one replica, no budget)
    FileSystemUtils.copyRecursively(k8s.resolve(OVERLAY), k8s.resolve("overlays/production-own-provider"));
    edit("overlays/production-own-provider/kustomization.yaml", "components:\n", "components:\n  - ../../components/identity-provider\n");
    assertThat(findings("overlays/production-own-provider")).filteredOn(finding -> finding.contains("(Deployment identity-service)")).isEmpty();

    edit("components/identity-provider/identity-service.yaml", "  replicas: 2\n", "  replicas: 1\n");
    assertThat(findings("overlays/production-own-provider")).filteredOn(finding -> finding.contains("(Deployment identity-service)")).containsExactly(
        "components/identity-provider/identity-service.yaml (Deployment identity-service): runs a single replica: a node drain takes the whole service down");
  }

  @Test
  void shouldFailOnAGracePeriodShorterThanTheShutdown() {
    edit("components/service-defaults/service-defaults.yaml", "value: 45", "value: 30");

    assertThat(findings()).hasSize(5).allSatisfy(finding ->
        assertThat(finding).contains("terminationGracePeriodSeconds 30 must exceed the preStop sleep (10 s) plus Spring's shutdown phase (25 s)"));
  }

  @Test
  void shouldFailWhenTheTopicsDifferFromTheServices() {
    edit("base/kafka/topics.yaml", "topicName: payment.events\n", "topicName: payments.events\n");

    assertThat(findings()).singleElement().asString().startsWith("the KafkaTopics ").contains("payments.events");
  }

  @Test
  void shouldFailTheRenderingWithKubectlsMessage() {
    edit("base/kustomization.yaml", "  - ingress.yaml\n", "  - ingres.yaml\n");

    assertThat(catchThrowable(this::findings))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ingres.yaml");
  }

  @Test
  void shouldNameEveryServiceThatIsNotToldTheIssuer() {
    edit("overlays/production/kustomization.yaml", "      - SAGASHOP_IDENTITY_ISSUER=CHANGE_ME\n", "");

    assertThat(findings()).hasSize(5).contains("base/services/payment-service.yaml (Deployment payment-service): is not given SAGASHOP_IDENTITY_ISSUER");
  }

  @Test
  void shouldFailWhenStaffCannotComeBackFromTheProvider() {
    edit("base/ingress.yaml", "- path: /login/oauth2/code", "- path: /signin/oauth2/code");

    assertThat(findings()).containsExactly("no Ingress routes /login/oauth2/code/webapps to the orchestrator: staff could not sign into the webapps");
  }

  @Test
  void shouldFailWhenTheServicesWouldFetchTheKeysFromTheBrowsersHost() {
    edit("components/identity-provider/kustomization.yaml", "name: orchestrator|order-service|payment-service|inventory-service|delivery-service", "name: order-service");

    assertThat(findings("overlays/dev")).hasSize(24).contains(
        "base/services/orchestrator.yaml (Deployment orchestrator): needs SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI "
            + "at the provider's Service inside the cluster (has null)",
        // and the network would not let them: they would go out to the browsers' host
        "base/services/orchestrator.yaml (Deployment orchestrator): no NetworkPolicy lets it reach the identity provider at "
            + "http://identity.localtest.me on port 80, which its configuration names");
  }

  @Test
  void shouldFailWhenTheStaffSignInPageIsNeitherDiscoveredNorNamed() {
    edit("components/identity-provider/kustomization.yaml",
        "      - SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDENTITY_AUTHORIZATIONURI=http://identity.localtest.me/oauth2/authorize\n", "");

    assertThat(findings("overlays/dev")).hasSize(5).contains(
        "base/services/orchestrator.yaml (Deployment orchestrator): needs SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDENTITY_AUTHORIZATIONURI "
            + "on the issuer's host identity.localtest.me (has null)");
  }

  @Test
  void shouldFailWhenBrowsersCannotReachTheIssuer() {
    edit("components/identity-provider/ingress.yaml", "- host: identity.localtest.me", "- host: id.localtest.me");

    assertThat(findings("overlays/dev")).hasSize(20).contains(
        "base/services/order-service.yaml (Deployment order-service): its issuer http://identity.localtest.me is not routed: "
            + "no Ingress sends identity.localtest.me/oauth2/authorize to identity-service");
  }

  private List<String> findings() {
    return findings(OVERLAY);
  }

  private List<String> findings(String overlay) {
    return new Overlays(k8s, copy.resolve("work")).findings(overlay);
  }

  private void edit(String file, String from, String to) {
    Path path = k8s.resolve(file);
    try {
      String text = Files.readString(path);
      assertThat(text).as("%s contains %s", file, from).contains(from);
      Files.writeString(path, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
