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
 * has ended. Several orchestrators may sweep at once; the order's lock makes them take turns.
 */
@Component
class SagaInboxSweeper {

  private static final Logger log = LoggerFactory.getLogger(SagaInboxSweeper.class);

  private final SagaInbox inbox;
  private final Duration age;

  SagaInboxSweeper(SagaInbox inbox, @Value("${sagashop.saga.inbox-sweep:10s}") Duration age) {
    this.inbox = inbox;
    this.age = age;
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
