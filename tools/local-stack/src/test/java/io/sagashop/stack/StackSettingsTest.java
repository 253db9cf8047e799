package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

  private static final Path ROOT = Path.of("/checkout");

  @Test
  void shouldUseTheDesignsPortsAndEmbeddedServersByDefault() {
    StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.<String, String>of()::get);

    assertThat(settings.port(ShopService.ORCHESTRATOR)).isEqualTo(8080);
    assertThat(settings.port(ShopService.ORDER)).isEqualTo(8081);
    assertThat(settings.port(ShopService.DELIVERY)).isEqualTo(8084);
    assertThat(settings.kafkaPort()).isEqualTo(9092);
    assertThat(settings.externalPostgres()).isEmpty();
    assertThat(settings.externalKafka()).isEmpty();
    assertThat(settings.dataDirectory()).isEqualTo(ROOT.resolve(".sagashop"));
  }

  @Test
  void shouldMoveAServiceToThePortItsVariableNames() {
    StackSettings settings =
        StackSettings.fromEnvironment(ROOT, Map.of("SAGASHOP_ORDER_SERVICE_PORT", "9181")::get);

    assertThat(settings.port(ShopService.ORDER)).isEqualTo(9181);
    assertThat(settings.port(ShopService.PAYMENT)).isEqualTo(8082);
  }

  @Test
  void shouldUseExternalPostgresAndKafkaWhenTheirAddressesAreConfigured() {
    StackSettings settings =
        StackSettings.fromEnvironment(
            ROOT,
            Map.of(
                    "SAGASHOP_POSTGRES_URL", "jdbc:postgresql://db.internal:5432/",
                    "SAGASHOP_POSTGRES_USER", "shop",
                    "SAGASHOP_POSTGRES_PASSWORD", "s3cret",
                    "SAGASHOP_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
                ::get);

    assertThat(settings.externalPostgres())
        .hasValueSatisfying(
            postgres -> {
              assertThat(postgres.jdbcUrl("orders")).isEqualTo("jdbc:postgresql://db.internal:5432/orders");
              assertThat(postgres.user()).isEqualTo("shop");
            });
    assertThat(settings.externalKafka()).contains("kafka-1:9092,kafka-2:9092");
  }

  @Test
  void shouldSayWhichVariableIsNotAPort() {
    assertThatThrownBy(() -> StackSettings.fromEnvironment(ROOT, Map.of("SAGASHOP_KAFKA_PORT", "nine")::get))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("SAGASHOP_KAFKA_PORT")
        .hasMessageContaining("nine");
  }

  @Test
  void shouldGiveTestsFreePortsThatDifferFromTheDefaults() {
    StackSettings settings = StackSettings.forTests(ROOT, ROOT.resolve("target/stack"));

    assertThat(settings.servicePorts().values()).doesNotHaveDuplicates();
    assertThat(settings.servicePorts().values()).doesNotContain(8080, 8081, 8082, 8083, 8084, 8085);
    assertThat(settings.dataDirectory()).isEqualTo(ROOT.resolve("target/stack"));
  }

  /**
   * The chaos run once failed this way: a test stack's identity-service had drawn the port of an
   * inventory replica (random ports, replicas 100 above), answered that replica's readiness probe,
   * and refused the seller's catalog change with its own 403. And a killed part's port in the
   * ephemeral range can be taken by any outgoing connection before the part is back.
   */
  @RepeatedTest(20)
  void shouldGiveEveryPartOfATestStackItsOwnPortBelowTheEphemeralRangeWithReplicas() {
    StackSettings settings = StackSettings.forTests(ROOT, ROOT.resolve("target/stack")).withReplicas(StackSettings.MAX_REPLICAS);

    Map<Integer, String> ports = settings.listeningPorts();

    int replicaProcesses = 1 + StackSettings.MAX_REPLICAS * (ShopService.values().length - 1);
    int frontDoors = ShopService.values().length - 1;
    // PostgreSQL, Kafka's two listeners, Zipkin, the entry, then each process's own port and its actuator's, and the front doors
    assertThat(ports).hasSize(5 + frontDoors + 2 * replicaProcesses);
    assertThat(ports.keySet()).allSatisfy(port -> assertThat(port).isBetween(StackSettings.TEST_PORTS_FROM, StackSettings.TEST_PORTS_TO - 1));
  }

  @Test
  void shouldRefuseAPortGivenToTwoParts() {
    StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of("SAGASHOP_IDENTITY_SERVICE_PORT", "8183")::get).withReplicas(2);

    assertThatThrownBy(settings::listeningPorts)
        .isInstanceOf(StackException.class)
        .hasMessageContaining("8183")
        .hasMessageContaining("inventory-service replica 1")
        .hasMessageContaining("SAGASHOP_IDENTITY_SERVICE_PORT");
  }

  @Test
  void shouldPutReplicasBehindTheServicesPortOneHundredApart() {
    StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.<String, String>of()::get).withReplicas(2);

    assertThat(settings.url(ShopService.ORCHESTRATOR)).hasToString("http://localhost:8080");
    assertThat(settings.port(ShopService.ORCHESTRATOR, 1)).isEqualTo(8180);
    assertThat(settings.port(ShopService.ORCHESTRATOR, 2)).isEqualTo(8280);
    assertThat(settings.port(ShopService.DELIVERY, 2)).isEqualTo(8284);
  }

  @Test
  void shouldGiveEveryProcessAnActuatorPortOfItsOwnFiftyAboveItsPort() {
    StackSettings alone = StackSettings.fromEnvironment(ROOT, Map.<String, String>of()::get);
    StackSettings twice = alone.withReplicas(2);

    assertThat(alone.managementUrl(ShopService.ORCHESTRATOR, 1)).hasToString("http://localhost:8130");
    assertThat(alone.managementPort(ShopService.IDENTITY, 1)).isEqualTo(8135);
    assertThat(twice.managementPort(ShopService.ORDER, 1)).isEqualTo(8231);
    assertThat(twice.managementPort(ShopService.ORDER, 2)).isEqualTo(8331);
    assertThat(twice.listeningPorts()).containsEntry(8331, "order-service replica 2's actuator (SAGASHOP_ORDER_SERVICE_PORT + 250)");
  }

  @Test
  void shouldStartTheTraceServerOn9411UnlessToldNotTo() {
    StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.<String, String>of()::get);

    assertThat(settings.zipkinUrl()).hasToString("http://localhost:9411");
    assertThat(settings.listeningPorts()).containsEntry(9411, "Zipkin (SAGASHOP_ZIPKIN_PORT)");
    assertThat(settings.withTracing(false).listeningPorts()).doesNotContainKey(9411);
  }

  @Test
  void shouldKeepTheServicesOwnPortForItsOnlyReplica() {
    StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.<String, String>of()::get);

    assertThat(settings.port(ShopService.ORDER, 1)).isEqualTo(8081);
    assertThatThrownBy(() -> settings.withReplicas(0)).isInstanceOf(StackException.class).hasMessageContaining("--replicas");
  }
}
