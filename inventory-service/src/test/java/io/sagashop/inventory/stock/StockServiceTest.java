package io.sagashop.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.sagashop.inventory.contract.StockEventType;
import io.sagashop.inventory.product.Product;
import io.sagashop.inventory.product.ProductNotFoundException;
import io.sagashop.inventory.product.ProductRepository;
import io.sagashop.platform.events.EventOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stock's rules without a database: an order takes its goods once, a refusal is kept so that
 * every later attempt gets the same answer, and goods go back once. The lock and the races: the
 * integration tests (StockApiTest).
 */
class StockServiceTest {

  private final ProductRepository products = mock(ProductRepository.class);
  private final StockMovementRepository movements = mock(StockMovementRepository.class);
  private final EventOutbox events = mock(EventOutbox.class);
  private final StockService stock =
      new StockService(products, movements, events, Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC));
  private final Map<StockMovement.Key, StockMovement> stored = new HashMap<>();
  private final Product tea = new Product("tea", "Green tea", new BigDecimal("4.50"), 5);
  private final UUID orderId = UUID.randomUUID();

  @BeforeEach
  void storeMovementsInMemory() {
    when(products.findForStockChange("tea")).thenReturn(Optional.of(tea));
    when(movements.find(any(), any())).thenAnswer(call -> Optional.ofNullable(stored.get(new StockMovement.Key(call.getArgument(0), call.getArgument(1)))));
    when(movements.save(any())).thenAnswer(call -> {
      StockMovement movement = call.getArgument(0);
      stored.put(movement.getId(), movement);
      return movement;
    });
  }

  @Test
  void anOrderTakesItsGoodsOnceHoweverOftenTheStepRuns() {
    StockService.StockDecrease first = stock.decrease(orderId, "tea", 2);
    StockService.StockDecrease again = stock.decrease(orderId, "tea", 2);

    assertThat(tea.stock()).isEqualTo(3);
    assertThat(first.remainingStock()).isEqualTo(3);
    assertThat(again.quantity()).isEqualTo(2);
    verify(events, times(1)).publish(eq(StockEventType.QtyDecreased), eq(orderId), any());
  }

  @Test
  void tooFewGoodsAreRefusedAndTheRefusalStandsAfterARestock() {
    assertThatThrownBy(() -> stock.decrease(orderId, "tea", 6)).isInstanceOf(OutOfStockException.class);
    tea.countStock(50);

    assertThatThrownBy(() -> stock.decrease(orderId, "tea", 6))
        .as("a late first attempt of a refused decrease: the saga has cancelled the order already")
        .isInstanceOf(OutOfStockException.class);
    assertThat(tea.stock()).isEqualTo(50);
    verifyNoInteractions(events);
  }

  @Test
  void goodsGoBackOnceHoweverOftenTheCompensationRuns() {
    stock.decrease(orderId, "tea", 2);

    assertThat(stock.restore(orderId)).isTrue();
    assertThat(stock.restore(orderId)).isFalse();

    assertThat(tea.stock()).isEqualTo(5);
    verify(events, times(1)).publish(eq(StockEventType.QtyRestored), eq(orderId), any());
  }

  @Test
  void anOrderThatTookNothingGetsNothingBack() {
    assertThat(stock.restore(orderId)).isFalse();

    assertThat(tea.stock()).isEqualTo(5);
    verifyNoInteractions(events);
  }

  @Test
  void aProductNotInTheCatalogIsNotFound() {
    when(products.findForStockChange("nothing")).thenReturn(Optional.empty());

    assertThatThrownBy(() -> stock.decrease(orderId, "nothing", 1)).isInstanceOf(ProductNotFoundException.class);
    assertThat(stored).isEmpty();
  }
}
