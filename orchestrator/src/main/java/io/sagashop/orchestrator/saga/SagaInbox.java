package io.sagashop.orchestrator.saga;

import io.sagashop.platform.events.OrderLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable buffer in front of the saga's message catch events. Camunda keeps no message that
 * arrives before the process waits for it; retrying such a message in the Kafka consumer held up
 * every order behind it. Here each message is stored with the id of the event that carried it and
 * delivered at once if the saga waits for it, else kept PENDING until the saga reaches the wait
 * state ({@link InboxDelivery}) or has ended (then DROPPED; {@link SagaEnds} writes the end down). A repeated event finds its row and
 * changes nothing.
 *
 * <p>Receiving a message and a saga reaching its wait state both take the order's advisory lock
 * first, so one of them always sees the other: the receiver finds the saga waiting, or the saga
 * finds the message pending.
 */
@Service
public class SagaInbox {

  private static final Logger log = LoggerFactory.getLogger(SagaInbox.class);

  private final JdbcTemplate jdbc;
  private final OrderLocks locks;
  private final RuntimeService runtime;
  private final Clock clock;

  SagaInbox(JdbcTemplate jdbc, OrderLocks locks, RuntimeService runtime, Clock clock) {
    this.locks = locks;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Takes a message from an event: delivers it if the saga waits for it, keeps it otherwise. Commits
   * with the consumer's processing of the record, so a redelivered record finds its row.
   */
  @Transactional
  public void receive(UUID eventId, SagaMessage message, UUID orderId) {
    locks.hold(orderId);
    int stored = jdbc.update(
        "INSERT INTO saga_inbox (event_id, order_id, message, status, received_at) VALUES (?, ?, ?, 'PENDING', ?) "
            + "ON CONFLICT (event_id) DO NOTHING",
        eventId, orderId, message.name(), Timestamp.from(clock.instant()));
    if (stored == 0) {
      log.info("{} {} for order {} arrived before; nothing changes", message, eventId, orderId);
      return;
    }
    settle(eventId, message, orderId);
  }

  /** Delivers the pending messages of an order that the saga now waits for, in a transaction of its own. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void deliverPending(UUID orderId, Collection<SagaMessage> messages) {
    locks.hold(orderId);
    for (Pending pending : pending(orderId, messages)) {
      settle(pending.eventId(), pending.message(), orderId);
    }
  }

  /** Asked by the saga as it reaches a wait state, in the engine's transaction (which takes the order's lock). */
  boolean hasPending(UUID orderId, Collection<SagaMessage> messages) {
    locks.hold(orderId);
    return !pending(orderId, messages).isEmpty();
  }

  /** Orders with messages pending for longer than this, for {@link SagaInboxSweeper}. */
  List<UUID> ordersPendingLongerThan(Duration age) {
    return jdbc.queryForList(
        "SELECT DISTINCT order_id FROM saga_inbox WHERE status = 'PENDING' AND received_at < ?",
        UUID.class, Timestamp.from(clock.instant().minus(age)));
  }

  /**
   * Forgets the messages settled (delivered or dropped) longer ago than the retention, so that the
   * inbox does not grow with every order. Pending ones stay. The retention outlasts every deadline of
   * a saga: a duplicate that comes later still is taken as new, and dropped as its saga has ended.
   */
  @Transactional
  public int forgetSettledLongerThan(Duration retention) {
    return jdbc.update("DELETE FROM saga_inbox WHERE status <> 'PENDING' AND settled_at < ?",
        Timestamp.from(clock.instant().minus(retention)));
  }

  private void settle(UUID eventId, SagaMessage message, UUID orderId) {
    if (isWaitingFor(orderId, message)) {
      runtime.createMessageCorrelation(message.name()).processInstanceBusinessKey(orderId.toString()).correlate();
      mark(eventId, "DELIVERED");
      log.info("{} delivered to the saga of order {}", message, orderId);
    } else if (hasEnded(orderId)) {
      mark(eventId, "DROPPED");
      log.info("Dropping {} for order {}: its saga has ended", message, orderId);
    } else {
      log.info("{} for order {} came before its saga waits for it; it is kept until it does", message, orderId);
    }
  }

  private boolean isWaitingFor(UUID orderId, SagaMessage message) {
    return runtime.createExecutionQuery()
            .processInstanceBusinessKey(orderId.toString())
            .messageEventSubscriptionName(message.name())
            .count() > 0;
  }

  /** From the orchestrator's own record of the saga's end ({@link SagaEnds}), which no history cleanup deletes. */
  private boolean hasEnded(UUID orderId) {
    return !jdbc.queryForList("SELECT 1 FROM started_order WHERE order_id = ? AND ended_at IS NOT NULL", Integer.class, orderId).isEmpty();
  }

  private List<Pending> pending(UUID orderId, Collection<SagaMessage> messages) {
    return jdbc.query(
            "SELECT event_id, message FROM saga_inbox WHERE order_id = ? AND status = 'PENDING' ORDER BY received_at",
            (row, i) -> new Pending(row.getObject("event_id", UUID.class), SagaMessage.valueOf(row.getString("message"))),
            orderId)
        .stream()
        .filter(pending -> messages.contains(pending.message()))
        .toList();
  }

  private void mark(UUID eventId, String status) {
    jdbc.update("UPDATE saga_inbox SET status = ?, settled_at = ? WHERE event_id = ?", status,
        Timestamp.from(clock.instant()), eventId);
  }

  private record Pending(UUID eventId, SagaMessage message) {}
}
