package io.sagashop.order.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sagashop.order.OrderApplication;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import io.sagashop.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * Rebuilding the view with two replicas of order-service, which share the view's database and split
 * the topics' partitions between them, as in production.
 */
@ServiceIntegrationTest
// One consumer per topic and replica: with three each, the second replica's could all be left idle.
@TestPropertySource(properties = {"sagashop.order.view-generation-check=1s", "sagashop.order.view-consumers-per-topic=1",
    "sagashop.services.orchestrator-url=http://localhost:9"})
class OrderViewRebuildTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static ConfigurableApplicationContext secondReplica;

  @Autowired TestRestTemplate http;
  @Autowired Environment environment;
  @Autowired OrderViewProjection projection;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  @AfterAll
  static void stopSecondReplica() {
    if (secondReplica != null) {
      secondReplica.close();
    }
  }

  @Test
  void shouldRebuildTheWholeViewWhenEachReplicaIsAskedOneAfterTheOther() {
    // Given two replicas that both read a share of the partitions, and orders on every partition
    secondReplica = startSecondReplica();
    OrderViewProjection second = secondReplica.getBean(OrderViewProjection.class);
    await().atMost(WAIT).until(() -> !projection.assignedPartitions().isEmpty() && !second.assignedPartitions().isEmpty());
    List<UUID> orders = IntStream.range(0, 24).mapToObj(i -> UUID.randomUUID()).toList();
    orders.forEach(this::placedAndAwaitingDeposit);
    await().atMost(WAIT).until(() -> orders.stream().allMatch(order -> "AWAITING_DEPOSIT".equals(statusOf(order))));
    Map<UUID, Map<String, Object>> live = new LinkedHashMap<>();
    orders.forEach(order -> live.put(order, view(order)));

    // When an operator asks the first replica to rebuild, and the second as soon as the view fills again
    TestIdentity.callAs(http, TestIdentity.staff("admin", "OPERATOR"));
    assertThat(http.postForEntity("/internal/order-view/rebuild", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().atMost(WAIT).until(() -> orders.stream().anyMatch(order -> statusOf(order) != null));
    TestRestTemplate secondHttp = new TestRestTemplate();
    TestIdentity.callAs(secondHttp, TestIdentity.staff("admin", "OPERATOR"));
    String secondUrl = "http://localhost:" + ((WebServerApplicationContext) secondReplica).getWebServer().getPort();
    assertThat(secondHttp.postForEntity(secondUrl + "/internal/order-view/rebuild", null, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    // Then every order comes back as it was, whichever replica's partitions it is on
    await().atMost(WAIT).untilAsserted(() -> assertThat(orders).allSatisfy(order -> assertThat(view(order)).isEqualTo(live.get(order))));
  }

  private ConfigurableApplicationContext startSecondReplica() {
    return new SpringApplicationBuilder(OrderApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
        "--spring.kafka.bootstrap-servers=" + brokers,
        "--sagashop.order.view-generation-check=1s",
        "--sagashop.order.view-consumers-per-topic=1",
        "--sagashop.services.orchestrator-url=http://localhost:9",
        "--SAGASHOP_IDENTITY_ISSUER=" + TestIdentity.issuer(),
        "--SAGASHOP_CLIENT_SECRET=test-client-secret");
  }

  private void placedAndAwaitingDeposit(UUID order) {
    publish("order.events", "OrderPlaced", order,
        Map.of("customerId", "rebuilt-" + order, "productId", "teapot-kyusu", "productName", "Kyusu clay teapot", "quantity", 1,
            "unitPrice", 48.00, "amount", 48.00));
    publish("payment.events", "PayPlaced", order, Map.of("status", "PLACED", "transferReference", "SAGA-" + order.toString().substring(0, 8).toUpperCase()));
  }

  private void publish(String topic, String type, UUID order, Map<String, Object> data) {
    TopicRecorder.send(brokers, topic, order.toString(), TopicRecorder.envelope(type, order, data));
  }

  /** The order as its customer sees it. */
  private Map<String, Object> view(UUID order) {
    TestIdentity.callAs(http, TestIdentity.customer("rebuilt-" + order));
    return http.getForObject("/orders/{id}", Map.class, order);
  }

  private String statusOf(UUID order) {
    TestIdentity.callAs(http, TestIdentity.customer("rebuilt-" + order));
    var answer = http.getForEntity("/orders/{id}", Map.class, order);
    return answer.getStatusCode() == HttpStatus.OK ? (String) answer.getBody().get("status") : null;
  }
}
