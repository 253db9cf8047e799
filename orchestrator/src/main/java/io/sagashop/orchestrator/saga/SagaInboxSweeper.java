package io.sagashop.orchestrator.saga;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net of the inbox: delivers messages that stayed pending although their saga waits for
 * them (a node died between committing a wait state and delivering), and drops those whose saga
 * has ended. Several orchestrators may sweep at once; the order's lock makes them take turns. It
 * also forgets settled messages after a retention.
 */
@Component
class SagaInboxSweeper {

  private static final Logger log = LoggerFactory.getLogger(SagaInboxSweeper.class);

  private final SagaInbox inbox;
  private final Duration age;
  private final Duration retention;

  SagaInboxSweeper(
      SagaInbox inbox,
      @Value("${sagashop.saga.inbox-sweep:10s}") Duration age,
      @Value("${sagashop.saga.inbox-retention:P60D}") Duration retention) {
    this.inbox = inbox;
    this.age = age;
    this.retention = retention;
  }

  /** Once an hour; several orchestrators deleting the same rows do no harm. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void forgetSettled() {
    int forgotten = inbox.forgetSettledLongerThan(retention);
    if (forgotten > 0) {
      log.info("Forgot {} inbox messages settled more than {} ago", forgotten, retention);
    }
  }

  @Scheduled(fixedDelayString = "${sagashop.saga.inbox-sweep:10s}", initialDelayString = "${sagashop.saga.inbox-sweep:10s}")
  void sweep() {
    for (UUID orderId : inbox.ordersPendingLongerThan(age)) {
      try {
        inbox.deliverPending(orderId, EnumSet.allOf(SagaMessage.class));
      } catch (RuntimeException e) {
        log.warn("Could not settle the pending messages of order {}: {}", orderId, e.toString());
      }
    }
  }
}
