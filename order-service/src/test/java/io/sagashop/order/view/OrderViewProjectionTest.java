package io.sagashop.order.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagashop.delivery.contract.DeliveryEventType;
import io.sagashop.delivery.contract.DeliveryView;
import io.sagashop.order.contract.OrderPlaced;
import io.sagashop.payment.contract.PaymentEventType;
import io.sagashop.payment.contract.PaymentView;
import io.sagashop.testsupport.ContractExamples;
import io.sagashop.testsupport.HostileRecords;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import io.sagashop.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The one-screen view, fed only by events on a real Kafka broker and kept in a real PostgreSQL. */
@ServiceIntegrationTest
class OrderViewProjectionTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Value("${spring.embedded.kafka.brokers}") String brokers;

  private final UUID orderId = UUID.randomUUID();
  private final String customerId = "viewer-" + UUID.randomUUID();

  @DynamicPropertySource
  static void noOtherServices(DynamicPropertyRegistry registry) {
    registry.add("sagashop.services.orchestrator-url", () -> "http://localhost:9");
  }

  @BeforeEach
  void signIn() {
    TestIdentity.callAs(http, TestIdentity.customer(customerId));
  }

  @Test
  void shouldShowEveryStepOfTheSagaWithItsTimeline() {
    orderPlaced(orderId, customerId);
    publish("payment.events", "PayPlaced", orderId,
        Map.of("status", "PLACED", "bankAccount", "DE02 1203", "transferReference", "SAGA-ABCDEFGH23", "amount", 96.00));
    awaitView(orderId, "AWAITING_DEPOSIT");

    Map<String, Object> awaiting = view(orderId);
    assertThat(awaiting).containsEntry("productName", "Kyusu clay teapot").containsEntry("quantity", 2).containsEntry("amount", 96.0);
    assertThat((Map<String, Object>) awaiting.get("transferInstructions"))
        .containsEntry("bankAccount", "DE02 1203")
        .containsEntry("transferReference", "SAGA-ABCDEFGH23")
        .containsEntry("amount", 96.0);

    publish("payment.events", "PayChecked", orderId, Map.of("status", "CHECKED"));
    publish("inventory.events", "QtyDecreased", orderId, Map.of("quantity", 2));
    publish("delivery.events", "DeliveryStarted", orderId,
        Map.of("status", "STARTED", "carrier", "sagashop parcel service", "trackingNumber", "SP1234"));
    publish("order.events", "ReceiptConfirmed", orderId, Map.of());
    publish("order.events", "OrderClosed", orderId, Map.of());
    awaitView(orderId, "CLOSED");
    // Each topic has a consumer of its own: order.events' OrderClosed may be applied before delivery.events' DeliveryStarted.
    awaitTimeline(orderId, 7);

    Map<String, Object> closed = view(orderId);
    assertThat(closed.get("transferInstructions")).isNull();
    assertThat((Map<String, Object>) closed.get("payment")).containsEntry("status", "CHECKED");
    assertThat((Map<String, Object>) closed.get("delivery")).containsEntry("status", "STARTED").containsEntry("trackingNumber", "SP1234");
    assertThat(timelineTypes(closed))
        .containsExactly("OrderPlaced", "PayPlaced", "PayChecked", "QtyDecreased", "DeliveryStarted", "ReceiptConfirmed", "OrderClosed");
  }

  /** The view reads payment's and delivery's events as their contracts' examples carry them. */
  @Test
  void shouldShowThePaymentAndTheDeliveryAsTheirPublishersContractsShapeThem() {
    orderPlaced(orderId, customerId);
    publish("payment.events", PaymentEventType.PayPlaced.name(), orderId,
        ContractExamples.read(PaymentView.class, "payment.json", Map.class));
    publish("delivery.events", DeliveryEventType.DeliveryStarted.name(), orderId,
        ContractExamples.read(DeliveryView.class, "delivery.json", Map.class));
    awaitView(orderId, "IN_DELIVERY");
    awaitTimeline(orderId, 3);

    Map<String, Object> view = view(orderId);
    assertThat((Map<String, Object>) view.get("payment")).containsEntry("status", "PLACED");
    assertThat((Map<String, Object>) view.get("delivery"))
        .containsEntry("status", "STARTED")
        .containsEntry("carrier", "sagashop parcel service")
        .containsEntry("trackingNumber", "SP-4E7C2A9D1B");
    assertThat(jdbc.queryForMap("SELECT bank_account, transfer_reference FROM order_view WHERE order_id = ?", orderId))
        .containsEntry("bank_account", "DE02 1203 0000 0000 2020 51")
        .containsEntry("transfer_reference", "SAGA-K7QXM4R2TB");
  }

  @Test
  void shouldApplyAnEventDeliveredTwiceOnce() {
    orderPlaced(orderId, customerId);
    byte[] payPlaced = TopicRecorder.envelope("PayPlaced", orderId, Map.of("status", "PLACED"));
    TopicRecorder.send(brokers, "payment.events", orderId.toString(), payPlaced);
    TopicRecorder.send(brokers, "payment.events", orderId.toString(), payPlaced);
    publish("payment.events", "PayChecked", orderId, Map.of("status", "CHECKED"));

    awaitView(orderId, "DEPOSIT_CONFIRMED");
    assertThat(timelineTypes(view(orderId))).containsExactly("OrderPlaced", "PayPlaced", "PayChecked");
  }

  @Test
  void shouldNeverMoveAnOrderOrItsPaymentBackwards() {
    orderPlaced(orderId, customerId);
    publish("delivery.events", "DeliveryStarted", orderId, Map.of("status", "STARTED", "trackingNumber", "SP9"));
    publish("payment.events", "PayCanceled", orderId, Map.of("status", "REFUNDED"));
    awaitView(orderId, "IN_DELIVERY");
    // late arrivals from another topic
    publish("payment.events", "PayPlaced", orderId, Map.of("status", "PLACED", "transferReference", "SAGA-LATE"));
    publish("payment.events", "PayChecked", orderId, Map.of("status", "CHECKED"));
    awaitTimeline(orderId, 5);

    Map<String, Object> screen = view(orderId);
    assertThat(screen).containsEntry("status", "IN_DELIVERY");
    assertThat((Map<String, Object>) screen.get("payment")).containsEntry("status", "REFUNDED");
    assertThat(screen.get("transferInstructions")).isNull();
  }

  @Test
  void shouldBuildAnOrderWhoseOtherEventsArriveBeforeOrderPlaced() {
    publish("payment.events", "PayPlaced", orderId, Map.of("status", "PLACED", "transferReference", "SAGA-EARLY"));
    // Nobody can read it yet (whose order it is comes with OrderPlaced): the row is looked at directly
    await().atMost(WAIT).until(() -> "AWAITING_DEPOSIT".equals(
        jdbc.query("SELECT status FROM order_view WHERE order_id = ?", (row, i) -> row.getString(1), orderId).stream().findFirst().orElse(null)));
    orderPlaced(orderId, customerId);
    awaitTimeline(orderId, 2);

    assertThat(view(orderId)).containsEntry("status", "AWAITING_DEPOSIT").containsEntry("customerId", customerId);
  }

  @Test
  void shouldIgnoreEventTypesItDoesNotKnow() {
    orderPlaced(orderId, customerId);
    publish("inventory.events", "ShelfDusted", orderId, Map.of());
    publish("payment.events", "PayPlaced", orderId, Map.of("status", "PLACED"));

    awaitTimeline(orderId, 2);
    assertThat(view(orderId)).containsEntry("status", "AWAITING_DEPOSIT");
    assertThat(timelineTypes(view(orderId))).containsExactly("OrderPlaced", "PayPlaced");
  }

  @Test
  void shouldListACustomersOrdersNewestFirstAndPaged() {
    UUID older = UUID.randomUUID();
    orderPlaced(older, customerId);
    awaitView(older, "PLACED");
    orderPlaced(orderId, customerId);
    awaitView(orderId, "PLACED");

    Map<String, Object> firstPage = http.getForObject("/orders?size=1", Map.class);
    Map<String, Object> secondPage = http.getForObject("/orders?size=1&page=1", Map.class);

    assertThat(firstPage).containsEntry("totalElements", 2);
    assertThat(((List<Map<String, Object>>) firstPage.get("orders")).get(0)).containsEntry("orderId", orderId.toString());
    assertThat(((List<Map<String, Object>>) secondPage.get("orders")).get(0)).containsEntry("orderId", older.toString());
  }

  @Test
  void shouldRefuseMalformedListParametersNamingThem() {
    ResponseEntity<Map> badPage = http.getForEntity("/orders?page=-1&size=500", Map.class);
    ResponseEntity<Map> notANumber = http.getForEntity("/orders?page=first", Map.class);

    assertThat(badPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badPage.getBody().get("errors").toString()).contains("field=page").contains("field=size");
    assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notANumber.getBody().get("errors").toString()).contains("field=page");
  }

  @Test
  void shouldDeadLetterAnEventTheViewCanNeverStoreAndGoOnWithTheNextOnItsPartition() {
    UUID next = UUID.randomUUID();
    try (TopicRecorder deadLetters = TopicRecorder.of(brokers, "payment.events.DLT")) {
      // a transfer reference longer than the view's column: the database refuses it every time
      orderPlaced(orderId, customerId);
      publish("payment.events", "PayPlaced", orderId, Map.of("status", "PLACED", "transferReference", "SAGA-" + "X".repeat(40)));
      // the next record on the same partition (same key), of another order
      orderPlaced(next, customerId);
      TopicRecorder.send(brokers, "payment.events", orderId.toString(),
          TopicRecorder.envelope("PayPlaced", next, Map.of("status", "PLACED", "transferReference", "SAGA-NEXT")));

      awaitView(next, "AWAITING_DEPOSIT");
      await().atMost(WAIT).until(() -> deadLetters.records().stream().anyMatch(r -> orderId.toString().equals(r.key())));
      assertThat(view(orderId)).containsEntry("status", "PLACED");
    }
  }

  @Test
  void shouldDecideTheStatusFromWhatHappenedAndIgnoreAStatusAProducerNames() throws Exception {
    // before, the view took the status a producer wrote into the envelope: a payment-service that
    // named the wrong one (or an older one) moved the customer's order there
    orderPlaced(orderId, customerId);
    ObjectNode payPlaced = (ObjectNode) new ObjectMapper().readTree(TopicRecorder.envelope("PayPlaced", orderId, Map.of("status", "PLACED")));
    payPlaced.put("orderStatus", "CLOSED");
    TopicRecorder.send(brokers, "payment.events", orderId.toString(), new ObjectMapper().writeValueAsBytes(payPlaced));

    awaitView(orderId, "AWAITING_DEPOSIT");
    awaitTimeline(orderId, 2);
    assertThat(view(orderId)).containsEntry("status", "AWAITING_DEPOSIT");
  }

  /** Records no retry can ever apply: before, each was retried without end and its partition stood still. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"data its contract type refuses", "no time"})
  void shouldDeadLetterARecordItCanNeverApplyAndGoOnWithTheNextOnItsPartition(String fault) throws Exception {
    UUID next = UUID.randomUUID();
    try (TopicRecorder deadLetters = TopicRecorder.of(brokers, "order.events.DLT")) {
      orderPlaced(orderId, customerId);
      awaitView(orderId, "PLACED");
      ObjectNode hostile = (ObjectNode) new ObjectMapper().readTree(TopicRecorder.envelope("OrderClosed", orderId, Map.of()));
      if (fault.startsWith("data")) {
        hostile = (ObjectNode) new ObjectMapper().readTree(TopicRecorder.envelope("OrderPlaced", orderId,
            Map.of("customerId", customerId, "productId", "teapot-kyusu", "productName", "Kyusu clay teapot", "quantity", 1,
                "unitPrice", "lots", "amount", "lots")));
      } else {
        hostile.remove("time");
      }
      TopicRecorder.send(brokers, "order.events", orderId.toString(), new ObjectMapper().writeValueAsBytes(hostile));
      // the next record on the same partition (same key), of another order
      TopicRecorder.send(brokers, "order.events", orderId.toString(), TopicRecorder.envelope("OrderPlaced", next,
          Map.of("customerId", customerId, "productId", "teapot-kyusu", "productName", "Kyusu clay teapot", "quantity", 1,
              "unitPrice", 48.00, "amount", 48.00)));

      awaitView(next, "PLACED");
      await().atMost(WAIT).until(() -> deadLetters.records().stream().anyMatch(r -> orderId.toString().equals(r.key())));
      assertThat(view(orderId)).containsEntry("status", "PLACED");
    }
  }

  /**
   * Every record HostileRecords makes of each event the view reads, each followed on its partition by
   * a good record of another order: every good one is applied within the minute, whatever came before it.
   */
  @Test
  void shouldGoOnPastEveryHostileRecordOnEveryTopicItReads() {
    UUID hostileOrder = UUID.randomUUID();
    Map<String, Object> placed = ContractExamples.read(OrderPlaced.class, "order-placed.json", Map.class);
    List<Event> goods = List.of(
        new Event("order.events", "OrderPlaced", "PLACED", placed),
        new Event("payment.events", PaymentEventType.PayPlaced.name(), "AWAITING_DEPOSIT", ContractExamples.read(PaymentView.class, "payment.json", Map.class)),
        new Event("inventory.events", "QtyDecreased", "GOODS_PREPARED", Map.of("productId", "teapot-kyusu", "quantity", 2, "remainingStock", 3)),
        new Event("delivery.events", DeliveryEventType.DeliveryStarted.name(), "IN_DELIVERY", ContractExamples.read(DeliveryView.class, "delivery.json", Map.class)));
    List<UUID> nexts = new ArrayList<>();
    for (Event good : goods) {
      nexts.addAll(HostileRecords.sendEachBeforeAGoodOne(brokers, good.topic(), TopicRecorder.envelope(good.type(), hostileOrder, good.data()),
          next -> TopicRecorder.envelope(good.type(), next, good.data())));
    }

    assertThat(nexts).as("hostile records of four events").hasSizeGreaterThan(100);
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
        jdbc.queryForObject("SELECT count(DISTINCT order_id) FROM order_view_event WHERE order_id = ANY (?)", Integer.class,
            (Object) nexts.toArray(UUID[]::new))).isEqualTo(nexts.size()));
  }

  private record Event(String topic, String type, String status, Map<String, Object> data) {}

  @Test
  void shouldRebuildAViewEqualToTheLiveOne() {
    orderPlaced(orderId, customerId);
    publish("payment.events", "PayPlaced", orderId, Map.of("status", "PLACED", "transferReference", "SAGA-REBUILD"));
    publish("payment.events", "PayCanceled", orderId, Map.of("status", "CANCELED"));
    publish("order.events", "OrderCanceled", orderId, Map.of("cancellationReason", "CUSTOMER_REQUEST"));
    awaitView(orderId, "CANCELLED");
    Map<String, Object> live = view(orderId);

    TestIdentity.callAs(http, TestIdentity.staff("admin", "OPERATOR"));
    assertThat(http.postForEntity("/internal/order-view/rebuild", null, Void.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    TestIdentity.callAs(http, TestIdentity.customer(customerId));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(view(orderId)).isEqualTo(live));
    assertThat(live).containsEntry("cancellationReason", "CUSTOMER_REQUEST");
  }

  private void orderPlaced(UUID order, String customer) {
    publish("order.events", "OrderPlaced", order,
        Map.of("customerId", customer, "productId", "teapot-kyusu", "productName", "Kyusu clay teapot", "quantity", 2,
            "unitPrice", 48.00, "amount", 96.00));
  }

  private void publish(String topic, String type, UUID order, Map<String, Object> data) {
    TopicRecorder.send(brokers, topic, order.toString(), TopicRecorder.envelope(type, order, data));
  }

  private Map<String, Object> view(UUID order) {
    return http.getForObject("/orders/{id}", Map.class, order);
  }

  private void awaitView(UUID order, String status) {
    await().atMost(WAIT).until(() -> {
      ResponseEntity<Map> response = http.getForEntity("/orders/{id}", Map.class, order);
      return response.getStatusCode() == HttpStatus.OK && status.equals(response.getBody().get("status"));
    });
  }

  private void awaitTimeline(UUID order, int events) {
    await().atMost(WAIT).until(() -> timelineTypes(view(order)).size() == events);
  }

  private static List<String> timelineTypes(Map<String, Object> screen) {
    return ((List<Map<String, Object>>) screen.get("timeline")).stream().map(entry -> (String) entry.get("type")).toList();
  }
}
