package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One order's way through the whole shop is one trace in Zipkin: from the customer's placement over
 * the outbox and Kafka into the saga, through each of its jobs and the services they call, to the
 * consumers of the events; the operator finds it by the saga's traceId in Cockpit, and the log
 * lines carry it.
 */
@Tag("integration")
class TracingEndToEndTest {

  private static final String PRODUCT = "teapot-kyusu";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalStack stack;
  private static ShopClient shop;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
    shop = new ShopClient(stack);
  }

  @Test
  void shouldFollowOneOrderFromPlacementToClosedInOneTrace() {
    // Given an order that goes the whole way
    shop.setStock(PRODUCT, 50);
    String orderId = shop.placeOrder("tracy-" + UUID.randomUUID().toString().substring(0, 8), PRODUCT, 1);
    shop.confirmDeposit(orderId);
    shop.awaitStatus(orderId, "IN_DELIVERY");
    assertThat(shop.post(ShopService.ORDER, "/orders/" + orderId + "/receipt", Map.of(), Map.of()).status()).isEqualTo(202);
    shop.awaitStatus(orderId, "CLOSED");

    // When the operator takes the traceId Cockpit shows among the saga's variables
    String traceId = sagaVariable(orderId, "traceId");
    assertThat(traceId).matches("[0-9a-f]{32}");

    // Then Zipkin holds the order's whole way under it
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      List<JsonNode> spans = trace(traceId);
      assertThat(servicesOf(spans))
          .contains("order-service", "orchestrator", "payment-service", "inventory-service", "delivery-service");
      // it starts with the customer's click: the placement is the root
      assertThat(spans.stream().filter(span -> !span.has("parentId")).map(TracingEndToEndTest::describe))
          .containsExactly("order-service SERVER http post /orders");
      // every step of the saga, as a span of the orchestrator's jobs
      assertThat(spans.stream().map(span -> span.path("tags").path("step").asText()).collect(Collectors.toSet()))
          .contains("Task_RequestBankTransfer", "Task_RecordDeposit", "Task_DecreaseStock", "Task_RequestDelivery", "Task_CloseOrder");
      // the services the steps called answered in the same trace
      assertThat(spans.stream().map(TracingEndToEndTest::describe))
          .anyMatch(span -> span.startsWith("payment-service SERVER"))
          .anyMatch(span -> span.startsWith("inventory-service SERVER"));
      // and the Kafka hops: OrderPlaced into the saga, StartDelivery into delivery-service, the events into the order view
      assertThat(kafkaConsumers(spans)).contains("orchestrator", "delivery-service", "order-service");
    });

    // And the orchestrator's log names the order and the trace on the same line
    assertThat(logOf("orchestrator")).anyMatch(line -> line.contains("orderId=" + orderId) && line.contains("traceId=" + traceId));
  }

  private static String sagaVariable(String orderId, String name) {
    JsonNode sagas = shop.asAdmin("GET", "/history/process-instance?processInstanceBusinessKey=" + orderId, null).body();
    assertThat(sagas).hasSize(1);
    JsonNode variables = shop.asAdmin(
        "GET", "/history/variable-instance?variableName=" + name + "&processInstanceId=" + sagas.get(0).path("id").asText(), null).body();
    assertThat(variables).as("the saga's %s", name).hasSize(1);
    return variables.get(0).path("value").asText();
  }

  private static List<JsonNode> trace(String traceId) throws IOException, InterruptedException {
    URI zipkin = stack.traceServerUrl().orElseThrow(() -> new AssertionError("the test stack runs no trace server"));
    HttpResponse<String> answer = HTTP.send(
        HttpRequest.newBuilder(zipkin.resolve("/api/v2/trace/" + traceId)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("Zipkin knows trace %s", traceId).isEqualTo(200);
    return StreamSupport.stream(JSON.readTree(answer.body()).spliterator(), false).toList();
  }

  private static Set<String> servicesOf(List<JsonNode> spans) {
    return spans.stream().map(span -> span.path("localEndpoint").path("serviceName").asText()).collect(Collectors.toSet());
  }

  private static Set<String> kafkaConsumers(List<JsonNode> spans) {
    return servicesOf(spans.stream()
        .filter(span -> span.path("kind").asText().equals("CONSUMER") && span.path("tags").path("messaging.system").asText().equals("kafka"))
        .toList());
  }

  private static String describe(JsonNode span) {
    return span.path("localEndpoint").path("serviceName").asText() + " " + span.path("kind").asText() + " " + span.path("name").asText();
  }

  private static List<String> logOf(String part) {
    Path log = stack.settings().dataDirectory().resolve("logs").resolve(part + ".log");
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("Cannot read " + log, e);
    }
  }
}
