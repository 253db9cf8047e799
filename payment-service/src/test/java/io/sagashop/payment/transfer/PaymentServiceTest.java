package io.sagashop.payment.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.sagashop.payment.contract.PaymentEventType;
import io.sagashop.payment.contract.PaymentStatus;
import io.sagashop.platform.events.CancelledOrders;
import io.sagashop.platform.events.EventOutbox;
import io.sagashop.platform.events.OrderLocks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The payment's rules without a database: one payment per order, opened under the order's lock and
 * never for a cancelled order, each change published once. The lock's effect between two calls at
 * once: the integration tests (PaymentApiTest).
 */
class PaymentServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
  private static final BankTransferProperties BANK = new BankTransferProperties("DE89 3704 0044 0532 0130 00", "SAGA", "order.events", false);

  private final PaymentRepository payments = mock(PaymentRepository.class);
  private final EventOutbox events = mock(EventOutbox.class);
  private final CancelledOrders cancelledOrders = mock(CancelledOrders.class);
  private final OrderLocks locks = mock(OrderLocks.class);
  private final PaymentService service = new PaymentService(
      payments, new TransferReferences(BANK), BANK, events, Clock.fixed(NOW, ZoneOffset.UTC), cancelledOrders, locks);
  private final UUID orderId = UUID.randomUUID();

  @Test
  void theFirstRequestOpensThePaymentAndARepeatedOneAnswersIt() {
    when(payments.nextReferenceSerial()).thenReturn(7L);
    when(payments.save(any())).thenAnswer(call -> call.getArgument(0));

    PaymentService.Placement first = service.place(orderId, new BigDecimal("13.50"));
    when(payments.findForUpdate(orderId)).thenReturn(Optional.of(first.payment()));
    PaymentService.Placement again = service.place(orderId, new BigDecimal("13.50"));

    assertThat(first.created()).isTrue();
    assertThat(first.payment().transferReference()).startsWith("SAGA-");
    assertThat(first.payment().bankAccount()).isEqualTo(BANK.bankAccount());
    assertThat(again.created()).isFalse();
    assertThat(again.payment()).isSameAs(first.payment());
    verify(payments, times(1)).save(any());
    verify(events, times(1)).publish(eq(PaymentEventType.PayPlaced), eq(orderId), any());
  }

  @Test
  void noPaymentIsOpenedForACancelledOrder() {
    when(cancelledOrders.contains(orderId)).thenReturn(true);

    assertThatThrownBy(() -> service.place(orderId, new BigDecimal("13.50"))).isInstanceOf(OrderCancelledException.class);
    verify(payments, never()).save(any());
    verifyNoInteractions(events);
  }

  @Test
  void thePlacementHoldsTheOrdersLockBeforeItLooks() {
    when(payments.save(any())).thenAnswer(call -> call.getArgument(0));

    service.place(orderId, new BigDecimal("13.50"));

    InOrder order = inOrder(locks, payments, cancelledOrders);
    order.verify(locks).hold(orderId);
    order.verify(payments).findForUpdate(orderId);
    order.verify(cancelledOrders).contains(orderId);
  }

  @Test
  void aDepositIsRecordedOnce() {
    Payment payment = opened();

    service.check(orderId);
    service.check(orderId);

    assertThat(payment.status()).isEqualTo(PaymentStatus.CHECKED);
    verify(events, times(1)).publish(eq(PaymentEventType.PayChecked), eq(orderId), any());
  }

  @Test
  void aCancelledOrdersPaymentIsVoidedOnceAndNoneOpenedLater() {
    Payment payment = opened();

    service.orderCancelled(orderId);
    service.orderCancelled(orderId);

    assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELED);
    verify(cancelledOrders, times(2)).record(orderId);
    verify(events, times(1)).publish(eq(PaymentEventType.PayCanceled), eq(orderId), any());
  }

  @Test
  void aCheckedPaymentIsRefundedWhenTheSagaCancels() {
    Payment payment = opened();
    service.check(orderId);

    assertThat(service.cancel(orderId)).contains(payment);

    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void anOrderWithoutPaymentHasNothingToCancel() {
    assertThat(service.cancel(orderId)).isEmpty();
    verifyNoInteractions(events);
  }

  private Payment opened() {
    Payment payment = new Payment(orderId, new BigDecimal("13.50"), BANK.bankAccount(), "SAGA-00001-ABCDEF", NOW.minusSeconds(60));
    when(payments.findForUpdate(orderId)).thenReturn(Optional.of(payment));
    return payment;
  }
}
