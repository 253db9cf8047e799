package io.sagashop.load;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackPart;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The crowd while {@link Chaos} kills and pauses parts of the shop: placements are spread over the
 * faults (so that every fault finds orders in flight), a poison record is sent halfway, and when the shop is
 * at rest the invariants of the crowd are checked along with what a chaos run adds.
 */
final class ChaosRun implements CrowdHooks {

  static final String KILLS = "the run killed as many parts as asked, each kind at least once";
  static final String PAUSES = "the run paused an orchestrator past its job lock and a service past its Kafka session";
  static final String INCIDENTS = "no incident left that one retry does not resolve";
  static final String OUTBOXES = "every outbox empty: each event a service recorded was sent";
  static final String VIEW = "the order view equals each order's source state (status, reason, payment, delivery)";
  static final String REBUILT_VIEW = "the order view rebuilt from the topics equals the live one";
  static final String POISON = "a poison record sent during the run landed in its dead-letter topic";

  /** How long the outboxes may take to send what they hold (they send again every 30 s). */
  private static final Duration OUTBOX_DRAIN = Duration.ofSeconds(90);
  /** How long a rebuilt view may take to read every topic from the beginning again. */
  private static final Duration REBUILD = Duration.ofMinutes(3);
  /** How long an order may take to end after its incident's one retry. */
  private static final Duration AFTER_RETRY = Duration.ofMinutes(2);

  private static final Set<String> ENDED = Set.of("CLOSED", "CANCELLED");

  private final LocalStack stack;
  private final ShopApi shop;
  private final Chaos chaos;
  private final int orders;
  private final int minKills;
  private final int minFaults;
  private final Consumer<String> progress;
  private final PoisonRecords poison;
  private final AtomicBoolean poisonSent = new AtomicBoolean();
  private List<Chaos.Fault> faults = List.of();

  ChaosRun(LocalStack stack, ShopAddress address, ShopApi shop, Chaos chaos, int orders, int minKills, Consumer<String> progress) {
    this.stack = stack;
    this.shop = shop;
    this.chaos = chaos;
    this.orders = orders;
    this.minKills = minKills;
    this.minFaults = minKills + Chaos.PAUSES;
    this.progress = progress;
    this.poison = new PoisonRecords(address.kafka());
  }

  List<Chaos.Fault> faults() {
    return faults;
  }

  @Override
  public void catalogReady() {
    chaos.begin();
  }

  /** The i-th order waits for its share of the faults: order i of N after i*F/N faults. */
  @Override
  public void beforePlacing(int index) {
    chaos.awaitFaults((int) ((long) index * minFaults / orders));
    if (index >= orders / 2 && !poisonSent.getAndSet(true)) {
      poison.send();
      progress.accept("  chaos: poison records sent to " + PoisonRecords.TOPICS + " (key " + poison.key() + ")");
    }
  }

  /** The faults end once the customers are done; the rest of the faults still asked for come first. */
  @Override
  public void customersDone() {
    chaos.awaitFaults(minFaults);
    faults = chaos.stop();
    progress.accept("  chaos: stopped after " + Chaos.count(faults, Chaos.How.KILLED) + " kills and "
        + Chaos.count(faults, Chaos.How.PAUSED) + " pauses; every part runs again");
  }

  @Override
  public Map<String, List<String>> afterSettling(List<CrowdOrder> placed, Map<CrowdOrder, OrderFacts> facts) {
    Map<String, List<String>> broken = new LinkedHashMap<>();
    broken.put(KILLS, checkKills());
    broken.put(PAUSES, checkPauses());
    broken.put(INCIDENTS, retryIncidentsOnce(placed, facts));
    broken.put(OUTBOXES, checkOutboxes());
    broken.put(VIEW, checkViewAgainstSources(placed, facts));
    broken.put(REBUILT_VIEW, checkRebuiltView(placed));
    broken.put(POISON, poisonSent.get() ? poison.missingDeadLetters() : List.of("no poison record was sent"));
    return broken;
  }

  private List<String> checkKills() {
    List<String> broken = new ArrayList<>();
    long kills = Chaos.count(faults, Chaos.How.KILLED);
    if (kills < minKills) {
      broken.add(kills + " kills, " + minKills + " asked for");
    }
    Set<StackPart.Kind> killed = Chaos.kindsOf(faults, Chaos.How.KILLED);
    for (StackPart.Kind kind : StackPart.Kind.values()) {
      if (!killed.contains(kind)) {
        broken.add("no " + kind + " was killed");
      }
    }
    return broken;
  }

  private List<String> checkPauses() {
    Set<StackPart.Kind> paused = Chaos.kindsOf(faults, Chaos.How.PAUSED);
    List<String> broken = new ArrayList<>();
    for (StackPart.Kind kind : List.of(StackPart.Kind.ORCHESTRATOR, StackPart.Kind.SERVICE)) {
      if (!paused.contains(kind)) {
        broken.add("no " + kind + " was paused");
      }
    }
    return broken;
  }

  /**
   * What an operator does in Cockpit: "Retry" once on each open incident of a crowd order; then
   * the order must end. An incident that one retry does not resolve is a bug, not bad luck.
   */
  private List<String> retryIncidentsOnce(List<CrowdOrder> placed, Map<CrowdOrder, OrderFacts> facts) {
    List<String> broken = new ArrayList<>();
    Map<CrowdOrder, List<JsonNode>> retried = new LinkedHashMap<>();
    for (CrowdOrder order : placed) {
      if (facts.get(order).isSettled()) {
        continue;
      }
      for (JsonNode saga : shop.sagas(order.orderId()).body()) {
        for (JsonNode incident : shop.openIncidents(saga.path("id").asText()).body()) {
          retried.computeIfAbsent(order, o -> new ArrayList<>()).add(incident);
          if ("failedJob".equals(incident.path("incidentType").asText())) {
            shop.retryJob(incident.path("configuration").asText());
          }
        }
      }
    }
    if (!retried.isEmpty()) {
      progress.accept("  chaos: retried the open incidents of " + retried.size() + " orders once");
    }
    Instant deadline = Instant.now().plus(AFTER_RETRY);
    retried.forEach((order, incidents) -> {
      OrderFacts after = Crowd.settled(shop, order, deadline);
      facts.put(order, after);
      if (!after.isSettled()) {
        broken.add(order + " at " + incidents.get(0).path("activityId").asText() + ": " + incidents.get(0).path("incidentMessage").asText());
      }
    });
    return broken;
  }

  /** Each service's event_publication rows are the events recorded and not yet acknowledged by Kafka. */
  private List<String> checkOutboxes() {
    List<String> broken = new ArrayList<>();
    for (ShopService service : ShopService.values()) {
      LocalStack.DatabaseAccess database = stack.database(service);
      try {
        await().atMost(OUTBOX_DRAIN).pollInSameThread().pollInterval(Duration.ofSeconds(2))
            .until(() -> unsent(database) == 0);
      } catch (ConditionTimeoutException e) {
        broken.add(service.module() + " still holds " + unsent(database) + " unsent events " + OUTBOX_DRAIN.toSeconds() + " s after the run");
      }
    }
    return broken;
  }

  private static long unsent(LocalStack.DatabaseAccess database) {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        ResultSet exists = connection.createStatement().executeQuery("SELECT to_regclass('event_publication') IS NOT NULL")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        return 0;
      }
      try (ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")) {
        count.next();
        return count.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the outbox of " + database + ": " + e.getMessage(), e);
    }
  }

  /** The view (built from events) against the services that own each fact. */
  private List<String> checkViewAgainstSources(List<CrowdOrder> placed, Map<CrowdOrder, OrderFacts> facts) {
    Map<String, String[]> orderRows = customerOrders();
    List<String> broken = new ArrayList<>();
    for (CrowdOrder order : placed) {
      JsonNode view = shop.order(order.orderId()).body();
      String[] source = orderRows.getOrDefault(order.orderId(), new String[] {"missing", null});
      ShopApi.Answer delivery = shop.delivery(order.orderId());
      String sourceDelivery = delivery.is(200) ? delivery.body().path("status").asText() : "none";
      String viewPayment = view.path("payment").isObject() ? view.path("payment").path("status").asText() : "none";
      String viewDelivery = view.path("delivery").isObject() ? view.path("delivery").path("status").asText() : "none";
      String viewReason = view.path("cancellationReason").isTextual() ? view.path("cancellationReason").asText() : null;
      List<String> differences = new ArrayList<>();
      compareStatus(differences, view.path("status").asText(), source[0]);
      compare(differences, "cancellation reason", viewReason, source[1]);
      compare(differences, "payment", viewPayment, facts.get(order).payment());
      compare(differences, "delivery", viewDelivery, sourceDelivery);
      if (!differences.isEmpty()) {
        broken.add(order + ": " + String.join(", ", differences));
      }
    }
    return broken;
  }

  /**
   * order-service's own row knows whether an order is open ({@code PLACED}) or how it ended; the
   * steps in between (awaiting deposit, in delivery) the view learns from the other services' events.
   */
  private static void compareStatus(List<String> differences, String view, String source) {
    boolean viewEnded = ENDED.contains(view);
    if (ENDED.contains(source) ? !source.equals(view) : viewEnded) {
      differences.add("status " + view + " in the view, " + source + " at its source");
    }
  }

  private static void compare(List<String> differences, String what, String view, String source) {
    if (!Objects.equals(view, source)) {
      differences.add(what + " " + view + " in the view, " + source + " at its source");
    }
  }

  /** order-service's own table of orders: status and cancellation reason by orderId. */
  private Map<String, String[]> customerOrders() {
    LocalStack.DatabaseAccess database = stack.database(ShopService.ORDER);
    Map<String, String[]> rows = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        PreparedStatement query = connection.prepareStatement("SELECT order_id, status, cancellation_reason FROM customer_order");
        ResultSet result = query.executeQuery()) {
      while (result.next()) {
        rows.put(result.getString(1), new String[] {result.getString(2), result.getString(3)});
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read order-service's orders: " + e.getMessage(), e);
    }
    return rows;
  }

  /** Asks for a rebuild and waits until each order's view is back as it was (its update time aside). */
  private List<String> checkRebuiltView(List<CrowdOrder> placed) {
    Map<CrowdOrder, JsonNode> live = new LinkedHashMap<>();
    placed.forEach(order -> live.put(order, comparable(shop.order(order.orderId()).body())));
    ShopApi.Answer rebuild = shop.rebuildOrderView();
    if (!rebuild.is(200) && !rebuild.is(202)) {
      return List.of("the rebuild was refused: " + rebuild);
    }
    progress.accept("  chaos: order view rebuild " + rebuild.body() + " asked; waiting until it is back");
    Instant deadline = Instant.now().plus(REBUILD);
    List<String> broken = new ArrayList<>();
    for (Map.Entry<CrowdOrder, JsonNode> entry : live.entrySet()) {
      Duration left = Duration.between(Instant.now(), deadline);
      JsonNode rebuilt = comparable(shop.order(entry.getKey().orderId()).body());
      if (!rebuilt.equals(entry.getValue()) && left.compareTo(Duration.ZERO) > 0) {
        try {
          rebuilt = await().atMost(left).pollInSameThread().pollInterval(Duration.ofSeconds(1))
              .until(() -> comparable(shop.order(entry.getKey().orderId()).body()), entry.getValue()::equals);
        } catch (ConditionTimeoutException e) {
          rebuilt = comparable(shop.order(entry.getKey().orderId()).body());
        }
      }
      if (!rebuilt.equals(entry.getValue())) {
        broken.add(entry.getKey() + ": live " + entry.getValue() + ", rebuilt " + rebuilt);
      }
    }
    return broken;
  }

  private static JsonNode comparable(JsonNode view) {
    JsonNode copy = view.deepCopy();
    if (copy instanceof ObjectNode object) {
      object.remove("updatedAt");
    }
    return copy;
  }
}
