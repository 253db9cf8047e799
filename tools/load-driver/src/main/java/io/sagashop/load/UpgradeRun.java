package io.sagashop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackPart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The crowd while the orchestrators are upgraded under it: from a quarter of the orders on, a few
 * customers hold their transfer and a few their receipt; once they do (at half the orders at the
 * latest), delivery-service is stopped and each orchestrator replica in turn is replaced by the next
 * release (tests/next-release: a step before delivery, a longer receipt deadline, StartDelivery at
 * schema version 2 with a new field); once all run it, the open sagas of the old version are migrated
 * as an operator would ({@link Migration}), and delivery-service starts again. So sagas wait at the
 * seller's task, for the receipt and (when one was on its way) for the delivery when they are moved;
 * customers keep placing orders during the rollout, and the last quarter of the orders waits for the
 * migration. At rest, the crowd's invariants are checked along with what an upgrade adds.
 */
final class UpgradeRun implements CrowdHooks {

  static final String ROLLED_OUT = "every orchestrator was replaced by the next release while customers were ordering";
  static final String MIGRATED = "the migration moved every saga open on the old version, without a failure";
  static final String WAIT_STATES = "the sagas moved waited at the seller's task and for the receipt, among others";
  static final String NOT_LEFT_BEHIND = "no saga went on on the old version after the migration";
  static final String NEW_STEP = "every order placed after the migration and delivered took the new step";
  static final String NEW_FIELD = "StartDelivery at schema version 2, with its new field, was sent and read";
  static final String NO_INCIDENT = "no incident";

  /** The next release's step before delivery, and the field it adds to StartDelivery. */
  static final String NEW_STEP_ID = "Task_CheckDeliveryAddress";
  static final String NEW_FIELD_NAME = "addressCheckedAt";

  /** How many customers hold their transfer, and how many their receipt, until the sagas are moved. */
  private static final int HELD_AT_EACH = 4;
  /** Where a saga waits while its customer holds the transfer, and the receipt. */
  static final String AT_THE_SELLERS_TASK = "Task_ConfirmDeposit";
  static final String AT_THE_RECEIPT = "Gateway_AwaitReceipt";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How the engine's REST API writes a date. */
  private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final LocalStack stack;
  private final ShopApi shop;
  private final ShopAddress address;
  private final Path nextRelease;
  private final int orders;
  private final Consumer<String> progress;
  private final Thread rollout = new Thread(this::rollOut, "upgrade");
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch rolledOut = new CountDownLatch(1);
  private final AtomicInteger holdingTransfers = new AtomicInteger();
  private final AtomicInteger holdingReceipts = new AtomicInteger();
  private volatile boolean holding;
  private final AtomicInteger placedDuringRollout = new AtomicInteger();
  private final List<String> replaced = new ArrayList<>();
  private volatile RuntimeException failure;
  private volatile Migration.Report migration;
  private volatile Map<String, Integer> waitingWhenMoved = Map.of();
  private volatile String oldVersion;
  private volatile Instant migrated;

  UpgradeRun(LocalStack stack, ShopAddress address, ShopApi shop, Path nextRelease, int orders, Consumer<String> progress) {
    this.stack = stack;
    this.address = address;
    this.shop = shop;
    this.nextRelease = nextRelease;
    this.orders = orders;
    this.progress = progress;
  }

  /**
   * From a quarter of the orders on, a few customers hold their transfer and a few their receipt, so
   * that sagas wait at both when they are moved; the rollout begins once they do (at half the orders at
   * the latest). The last quarter of the orders waits until the sagas are moved.
   */
  @Override
  public void beforePlacing(int index) {
    if (index >= orders / 4) {
      holding = true;
    }
    if (index >= orders / 2) {
      startRollout();
    }
    if (index >= orders * 3 / 4) {
      awaitRollout();
    } else if (started.get() && rolledOut.getCount() > 0) {
      placedDuringRollout.incrementAndGet();
    }
  }

  /**
   * A held customer waits until the sagas are moved: their saga waits at the seller's task or for the
   * receipt meanwhile, as real orders wait for days. The others go on, and place more orders.
   */
  @Override
  public void beforeStep(CrowdOrder order, Step step) {
    AtomicInteger held = step == Step.SELLER_CONFIRMS ? holdingTransfers : holdingReceipts;
    if (holding && held.incrementAndGet() <= HELD_AT_EACH) {
      if (holdingTransfers.get() >= HELD_AT_EACH && holdingReceipts.get() >= HELD_AT_EACH) {
        startRollout();
      }
      awaitRollout();
    }
  }

  @Override
  public void customersDone() {
    startRollout();
    awaitRollout();
    if (failure != null) {
      throw failure;
    }
  }

  private void startRollout() {
    if (started.compareAndSet(false, true)) {
      rollout.start();
    }
  }

  private void awaitRollout() {
    try {
      rolledOut.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One orchestrator at a time, each back and ready before the next goes; then the migration. */
  private void rollOut() {
    try {
      oldVersion = versions().get(0).path("id").asText();
      // deliveries take days: while they are not made, sagas wait for them, and are moved there
      stack.stop(ShopService.DELIVERY);
      progress.accept("  upgrade: delivery-service stopped: the deliveries asked for meanwhile wait in delivery.commands");
      for (StackPart part : stack.parts()) {
        if (part.kind() == StackPart.Kind.ORCHESTRATOR) {
          progress.accept("  upgrade: replacing " + part + " by the next release");
          stack.replace(part, nextRelease);
          replaced.add(part.toString());
          progress.accept("  upgrade: " + part + " runs the next release");
        }
      }
      waitingWhenMoved = waiting(oldVersion);
      progress.accept("  upgrade: sagas open on the old version, by where they wait: " + waitingWhenMoved);
      migration = Migration.run(shop, new MigrateArguments(false, Optional.empty()), line -> progress.accept("  upgrade: " + line));
      migrated = Instant.now();
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      rolledOut.countDown();
      if (!stack.isRunning(ShopService.DELIVERY)) {
        stack.start(ShopService.DELIVERY);
        progress.accept("  upgrade: delivery-service started again: the waiting deliveries are made, for sagas now on the new version");
      }
    }
  }

  @Override
  public Map<String, List<String>> afterSettling(List<CrowdOrder> placed, Map<CrowdOrder, OrderFacts> facts) {
    Map<String, List<String>> broken = new LinkedHashMap<>();
    broken.put(ROLLED_OUT, checkRollout());
    broken.put(MIGRATED, migration == null ? List.of("no migration ran")
        : migration.holds() ? List.of() : migration.lines().subList(Math.max(0, migration.lines().size() - 5), migration.lines().size()));
    broken.put(WAIT_STATES, waitingWhenMoved.keySet().containsAll(List.of(AT_THE_SELLERS_TASK, AT_THE_RECEIPT))
        ? List.of() : List.of("the sagas moved waited at " + waitingWhenMoved));
    List<String> leftBehind = new ArrayList<>();
    List<String> withoutNewStep = new ArrayList<>();
    for (CrowdOrder order : placed) {
      for (JsonNode saga : shop.sagas(order.orderId()).body()) {
        if (oldVersion.equals(saga.path("processDefinitionId").asText()) && endedAfterMigration(saga)) {
          leftBehind.add("order " + order.orderId() + " ended on the old version at " + saga.path("endTime").asText());
        }
        if (startedAfterMigration(saga) && "CLOSED".equals(facts.get(order).status()) && order.fate() == Fate.DELIVERED
            && shop.passed(saga.path("id").asText(), NEW_STEP_ID).body().isEmpty()) {
          withoutNewStep.add("order " + order.orderId() + " was delivered without " + NEW_STEP_ID);
        }
      }
    }
    broken.put(NOT_LEFT_BEHIND, leftBehind);
    broken.put(NEW_STEP, withoutNewStep);
    broken.put(NEW_FIELD, checkNewField());
    int incidents = facts.values().stream().mapToInt(OrderFacts::incidents).sum();
    broken.put(NO_INCIDENT, incidents == 0 ? List.of() : List.of(incidents + " incidents"));
    return broken;
  }

  /** What the rollout did, for the report. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Replaced by the next release, one at a time: " + replaced + " (" + placedDuringRollout.get() + " orders placed meanwhile)");
    lines.add("Sagas open on the old version when they were moved, by where they waited: " + waitingWhenMoved);
    if (migration != null) {
      lines.add("Migration: " + migration.lines().get(migration.lines().size() - 1));
    }
    return lines;
  }

  private List<String> checkRollout() {
    List<String> broken = new ArrayList<>();
    if (replaced.size() != stack.settings().replicasOf(ShopService.ORCHESTRATOR)) {
      broken.add("replaced " + replaced + " of " + stack.settings().replicasOf(ShopService.ORCHESTRATOR) + " orchestrators");
    }
    if (placedDuringRollout.get() == 0) {
      broken.add("no order was placed while the orchestrators were replaced");
    }
    if (versions().size() < 2) {
      broken.add("the next release deployed no new version of the saga");
    }
    return broken;
  }

  /** The delivery commands the next release sent: at version 2, with the new field, each delivered by today's delivery-service. */
  private List<String> checkNewField() {
    AtomicInteger atVersion2 = new AtomicInteger();
    AtomicInteger withNewField = new AtomicInteger();
    List<String> broken = new ArrayList<>();
    TopicRecords.read(address.kafka(), List.of("delivery.commands"), record -> {
      try {
        JsonNode command = JSON.readTree(record.value());
        if ("StartDelivery".equals(command.path("type").asText()) && command.path("schemaVersion").asInt(1) == 2) {
          atVersion2.incrementAndGet();
          // a saga moved after it took the step's place has no check to tell of
          if (command.path("data").hasNonNull(NEW_FIELD_NAME)) {
            withNewField.incrementAndGet();
          }
          if (!shop.delivery(record.key()).is(200)) {
            broken.add("StartDelivery for order " + record.key() + " at version 2 was not delivered");
          }
        }
      } catch (IOException e) {
        broken.add("unreadable record " + record.key() + " on delivery.commands: " + e.getMessage());
      }
    });
    if (withNewField.get() == 0) {
      broken.add(atVersion2.get() + " StartDelivery sent at schema version 2, none with " + NEW_FIELD_NAME);
    }
    return broken;
  }

  private List<JsonNode> versions() {
    List<JsonNode> versions = new ArrayList<>();
    shop.sagaVersions().body().forEach(versions::add);
    return versions;
  }

  private Map<String, Integer> waiting(String definitionId) {
    Map<String, Integer> waiting = new TreeMap<>();
    for (JsonNode activity : shop.waitingSagas(definitionId).body()) {
      waiting.put(activity.path("id").asText(), activity.path("instances").asInt());
    }
    return waiting;
  }

  private boolean endedAfterMigration(JsonNode saga) {
    return migrated != null && !saga.path("endTime").isNull() && time(saga.path("endTime").asText()).isAfter(migrated);
  }

  private boolean startedAfterMigration(JsonNode saga) {
    return migrated != null && time(saga.path("startTime").asText()).isAfter(migrated);
  }

  private static Instant time(String engineTime) {
    return OffsetDateTime.parse(engineTime, ENGINE_TIME).toInstant();
  }
}
