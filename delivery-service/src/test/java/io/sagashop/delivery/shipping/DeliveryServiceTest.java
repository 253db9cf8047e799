package io.sagashop.delivery.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.sagashop.delivery.contract.DeliveryEventType;
import io.sagashop.platform.events.CancelledOrders;
import io.sagashop.platform.events.EventOutbox;
import io.sagashop.platform.events.OrderLocks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The delivery's rules without a database: an order ships once or is cancelled once, never both,
 * and each command holds the order's lock before it looks. The lock's effect between two commands
 * at once: the integration tests (DeliveryCommandsTest).
 */
class DeliveryServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

  private final DeliveryRepository deliveries = mock(DeliveryRepository.class);
  private final EventOutbox events = mock(EventOutbox.class);
  private final CancelledOrders cancelledOrders = mock(CancelledOrders.class);
  private final OrderLocks locks = mock(OrderLocks.class);
  private final DeliveryService service = new DeliveryService(deliveries, events, Clock.fixed(NOW, ZoneOffset.UTC), cancelledOrders, locks);
  private final UUID orderId = UUID.randomUUID();

  @Test
  void anOrderShipsOnceWithATrackingNumberOfItsOwn() {
    when(deliveries.nextTrackingSerial()).thenReturn(42L);
    when(deliveries.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));

    Delivery started = service.start(orderId, "tea", 2).orElseThrow();
    when(deliveries.findById(orderId)).thenReturn(Optional.of(started));
    Delivery again = service.start(orderId, "tea", 2).orElseThrow();

    assertThat(started.trackingNumber()).isEqualTo("SP-000000000042");
    assertThat(started.startedAt()).isEqualTo(NOW);
    assertThat(again).isSameAs(started);
    verify(deliveries, times(1)).saveAndFlush(any());
    verify(events, times(1)).publish(eq(DeliveryEventType.DeliveryStarted), eq(orderId), any());
  }

  @Test
  void aCancelledOrderDoesNotShip() {
    when(cancelledOrders.contains(orderId)).thenReturn(true);

    assertThat(service.start(orderId, "tea", 2)).isEmpty();

    verify(deliveries, never()).saveAndFlush(any());
    verifyNoInteractions(events);
  }

  @Test
  void aCancellationBeforeTheStartIsPublishedOnce() {
    when(cancelledOrders.record(orderId)).thenReturn(true, false);

    assertThat(service.cancel(orderId)).isEmpty();
    assertThat(service.cancel(orderId)).isEmpty();

    verify(events, times(1)).publish(eq(DeliveryEventType.DeliveryCancelled), eq(orderId), eq(new DeliveryCancellation(orderId, NOW)));
  }

  @Test
  void aCancellationAfterTheStartAnswersTheDeliveryAndCancelsNothing() {
    Delivery started = new Delivery(orderId, "tea", 2, "SP-000000000001", NOW);
    when(deliveries.findById(orderId)).thenReturn(Optional.of(started));

    assertThat(service.cancel(orderId)).contains(started);

    verify(cancelledOrders, never()).record(any());
    verifyNoInteractions(events);
  }

  @Test
  void eachCommandHoldsTheOrdersLockBeforeItLooks() {
    when(deliveries.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));

    service.start(orderId, "tea", 2);
    service.cancel(orderId);

    InOrder order = inOrder(locks, deliveries, cancelledOrders);
    order.verify(locks).hold(orderId);
    order.verify(deliveries).findById(orderId);
    order.verify(locks).hold(orderId);
    order.verify(deliveries).findById(orderId);
    order.verify(cancelledOrders).record(orderId);
  }
}
