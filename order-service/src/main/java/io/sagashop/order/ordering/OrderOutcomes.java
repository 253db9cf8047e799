package io.sagashop.order.ordering;

import io.micrometer.core.instrument.MeterRegistry;
import io.sagashop.order.contract.CancellationReason;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts orders by what became of them, {@code sagashop_orders_total{outcome, reason}}: placed,
 * closed, or cancelled and why. Counted once the change is committed, so a rolled-back or repeated
 * call counts nothing.
 */
@Component
class OrderOutcomes {

  private final MeterRegistry meters;

  OrderOutcomes(MeterRegistry meters) {
    this.meters = meters;
  }

  void placed() {
    afterCommit("placed", "none");
  }

  void closed() {
    afterCommit("closed", "none");
  }

  void cancelled(CancellationReason reason) {
    afterCommit("cancelled", reason.name());
  }

  private void afterCommit(String outcome, String reason) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        meters.counter("sagashop.orders", "outcome", outcome, "reason", reason).increment();
      }
    });
  }
}
