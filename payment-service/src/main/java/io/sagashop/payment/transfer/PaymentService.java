package io.sagashop.payment.transfer;

import io.sagashop.payment.contract.PaymentEventType;
import io.sagashop.platform.events.CancelledOrders;
import io.sagashop.platform.events.EnableCancelledOrders;
import io.sagashop.platform.events.EventOutbox;
import io.sagashop.platform.events.OrderLocks;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One payment per order, every step safe to repeat: the orchestrator's jobs run at least once, so
 * a repeated request finds what the first one did and publishes nothing new.
 */
@Service
@EnableCancelledOrders
public class PaymentService {

  private final PaymentRepository payments;
  private final TransferReferences references;
  private final BankTransferProperties bank;
  private final EventOutbox events;
  private final Clock clock;
  private final CancelledOrders cancelledOrders;
  private final OrderLocks locks;

  PaymentService(
      PaymentRepository payments,
      TransferReferences references,
      BankTransferProperties bank,
      EventOutbox events,
      Clock clock,
      CancelledOrders cancelledOrders,
      OrderLocks locks) {
    this.cancelledOrders = cancelledOrders;
    this.locks = locks;
    this.payments = payments;
    this.references = references;
    this.bank = bank;
    this.events = events;
    this.clock = clock;
  }

  /** "Request bank transfer": the payment of the order, created on the first call. */
  @Transactional
  public Placement place(UUID orderId, BigDecimal amount) {
    // The order's cancellation takes the same lock: it cannot slip in between the check and the insert.
    locks.hold(orderId);
    var existing = payments.findForUpdate(orderId);
    if (existing.isPresent()) {
      return new Placement(existing.get(), false);
    }
    if (cancelledOrders.contains(orderId)) {
      throw new OrderCancelledException(orderId);
    }
    Payment payment = payments.save(new Payment(orderId, amount, bank.bankAccount(), references.of(payments.nextReferenceSerial()), clock.instant()));
    events.publish(PaymentEventType.PayPlaced, orderId, payment.view());
    return new Placement(payment, true);
  }

  /** "Record deposit": the seller confirmed the money arrived. */
  @Transactional
  public Payment check(UUID orderId) {
    Payment payment = payments.findForUpdate(orderId).orElseThrow(() -> new PaymentNotFoundException(orderId));
    if (payment.confirmDeposit(clock.instant())) {
      events.publish(PaymentEventType.PayChecked, orderId, payment.view());
    }
    return payment;
  }

  /** "Cancel payment": voids or refunds the order's payment; nothing to do if there is none or it is closed. */
  @Transactional
  public java.util.Optional<Payment> cancel(UUID orderId) {
    var payment = payments.findForUpdate(orderId);
    payment.ifPresent(
        found -> {
          if (found.cancel(clock.instant())) {
            events.publish(PaymentEventType.PayCanceled, orderId, found.view());
          }
        });
    return payment;
  }

  /** The order was cancelled: void or refund its payment, whichever step opened it, and open none later. */
  @Transactional
  public void orderCancelled(UUID orderId) {
    cancelledOrders.record(orderId);
    cancel(orderId);
  }

  @Transactional(readOnly = true)
  public Payment get(UUID orderId) {
    return payments.findById(orderId).orElseThrow(() -> new PaymentNotFoundException(orderId));
  }

  record Placement(Payment payment, boolean created) {}
}
