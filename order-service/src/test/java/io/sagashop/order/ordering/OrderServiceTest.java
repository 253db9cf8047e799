package io.sagashop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.sagashop.order.catalog.Catalog;
import io.sagashop.order.contract.CancellationReason;
import io.sagashop.order.contract.OrderEventType;
import io.sagashop.order.contract.OrderPlaced;
import io.sagashop.platform.events.EventOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing and recording orders without a database: the catalog prices an order, each change is
 * stored and published once, and a request sent again gets the order it made the first time.
 */
class OrderServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
  private static final Catalog.Price TEA = new Catalog.Price("tea", "Green tea", new BigDecimal("4.50"));

  private final OrderRepository orders = mock(OrderRepository.class);
  private final Catalog catalog = mock(Catalog.class);
  private final EventOutbox events = mock(EventOutbox.class);
  private final OrderOutcomes outcomes = mock(OrderOutcomes.class);
  private final OrderService service = new OrderService(
      orders, catalog, events, Clock.fixed(NOW, ZoneOffset.UTC), new TransactionTemplate(mock(PlatformTransactionManager.class)), outcomes);

  @Test
  void placesAnOrderAtTheCatalogsPriceAndPublishesItOnce() {
    when(catalog.priceOf("tea")).thenReturn(Optional.of(TEA));
    when(orders.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));

    Order order = service.place("ada", "tea", 3, null);

    assertThat(order.amount()).isEqualByComparingTo("13.50");
    assertThat(order.placedAt()).isEqualTo(NOW);
    ArgumentCaptor<Object> placed = ArgumentCaptor.forClass(Object.class);
    verify(events).publish(eq(OrderEventType.OrderPlaced), eq(order.orderId()), placed.capture());
    assertThat(placed.getValue()).isEqualTo(new OrderPlaced(order.orderId(), "ada", "tea", "Green tea", 3, new BigDecimal("4.50"), new BigDecimal("13.50")));
  }

  @Test
  void anUnknownProductIsRefusedAndNothingIsStored() {
    when(catalog.priceOf("nothing")).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.place("ada", "nothing", 1, null)).isInstanceOf(UnknownProductException.class);
    verify(orders, never()).saveAndFlush(any());
    verifyNoInteractions(events);
  }

  @Test
  void anOrderAboveWhatATransferCanCarryIsRefusedAndNothingIsStored() {
    when(catalog.priceOf("gold")).thenReturn(Optional.of(new Catalog.Price("gold", "Gold", new BigDecimal("20000.00"))));

    assertThatThrownBy(() -> service.place("ada", "gold", 100, null)).isInstanceOf(OrderTooLargeException.class);
    verify(orders, never()).saveAndFlush(any());
    verifyNoInteractions(events);
  }

  @Test
  void theSameRequestSentAgainGetsTheFirstOrderAndPublishesNothing() {
    Order first = new Order(UUID.randomUUID(), "ada", "tea", 3, new BigDecimal("4.50"), "key-1", NOW);
    when(orders.findByCustomerIdAndIdempotencyKey("ada", "key-1")).thenReturn(Optional.of(first));

    assertThat(service.place("ada", "tea", 3, "key-1")).isSameAs(first);
    verifyNoInteractions(catalog, events);
  }

  @Test
  void aKeyUsedForAnotherOrderIsRefused() {
    Order first = new Order(UUID.randomUUID(), "ada", "tea", 3, new BigDecimal("4.50"), "key-1", NOW);
    when(orders.findByCustomerIdAndIdempotencyKey("ada", "key-1")).thenReturn(Optional.of(first));

    assertThatThrownBy(() -> service.place("ada", "tea", 4, "key-1")).isInstanceOf(IdempotencyKeyReusedException.class);
    verifyNoInteractions(events);
  }

  @Test
  void aRequestThatLosesTheRaceForItsKeyAnswersWithTheOrderTheOtherStored() {
    Order stored = new Order(UUID.randomUUID(), "ada", "tea", 3, new BigDecimal("4.50"), "key-1", NOW);
    when(catalog.priceOf("tea")).thenReturn(Optional.of(TEA));
    when(orders.findByCustomerIdAndIdempotencyKey("ada", "key-1")).thenReturn(Optional.empty(), Optional.of(stored));
    when(orders.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("customer_order_idempotency_key"));

    assertThat(service.place("ada", "tea", 3, "key-1")).isSameAs(stored);
  }

  @Test
  void aConstraintBrokenWithoutAKeyIsNotTakenForARepeatedRequest() {
    when(catalog.priceOf("tea")).thenReturn(Optional.of(TEA));
    when(orders.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("customer_order_pkey"));

    assertThatThrownBy(() -> service.place("ada", "tea", 3, null)).isInstanceOf(DataIntegrityViolationException.class);
    verify(orders, never()).findByCustomerIdAndIdempotencyKey(any(), any());
  }

  @Test
  void closingIsPublishedOnceHoweverOftenTheSagaAsks() {
    Order order = placed();

    service.close(order.orderId());
    service.close(order.orderId());

    assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
    verify(events, times(1)).publish(eq(OrderEventType.OrderClosed), eq(order.orderId()), any());
    verify(outcomes, times(1)).closed();
  }

  @Test
  void aCancelledOrderIsNotClosed() {
    Order order = placed();
    service.markCancelled(order.orderId(), CancellationReason.CUSTOMER_REQUEST);

    assertThatThrownBy(() -> service.close(order.orderId())).isInstanceOf(OrderStatusConflictException.class);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    verify(events, never()).publish(eq(OrderEventType.OrderClosed), any(), any());
  }

  @Test
  void aCancellationIsPublishedOnceWithItsReason() {
    Order order = placed();

    service.markCancelled(order.orderId(), CancellationReason.DEPOSIT_DEADLINE);
    service.markCancelled(order.orderId(), CancellationReason.CUSTOMER_REQUEST);

    assertThat(order.cancellationReason()).isEqualTo("DEPOSIT_DEADLINE");
    verify(events, times(1)).publish(eq(OrderEventType.OrderCanceled), eq(order.orderId()), any());
    verify(outcomes).cancelled(CancellationReason.DEPOSIT_DEADLINE);
  }

  @Test
  void theReceiptIsPublishedOnceHoweverOftenTheCustomerClicks() {
    Order order = placed();

    service.recordReceipt(order.orderId());
    service.recordReceipt(order.orderId());

    verify(events, times(1)).publish(eq(OrderEventType.ReceiptConfirmed), eq(order.orderId()), any());
  }

  @Test
  void anotherCustomersOrderIsNotFound() {
    Order order = placed();

    assertThatThrownBy(() -> service.getOwned(order.orderId(), "mallory")).isInstanceOf(OrderNotFoundException.class);
    assertThat(service.getOwned(order.orderId(), "ada")).isSameAs(order);
  }

  private Order placed() {
    Order order = new Order(UUID.randomUUID(), "ada", "tea", 3, new BigDecimal("4.50"), null, NOW.minusSeconds(60));
    when(orders.findForUpdate(order.orderId())).thenReturn(Optional.of(order));
    when(orders.findById(order.orderId())).thenReturn(Optional.of(order));
    return order;
  }
}
