package io.sagashop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.order.contract.CancellationReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

/** The rules of an order, without a database: what the saga's events may and may not do to it. */
class OrderTest {

  private static final Instant PLACED_AT = Instant.parse("2026-12-03T08:00:00Z");
  private static final Instant LATER = PLACED_AT.plusSeconds(60);

  private final Order order = new Order(UUID.randomUUID(), "customer-1", "P-1", 3, new BigDecimal("19.90"), "key-1", PLACED_AT);

  @Test
  void aNewOrderIsPlacedAndCostsThePriceTimesTheQuantity() {
    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(order.amount()).isEqualByComparingTo("59.70");
    assertThat(order.placedAt()).isEqualTo(PLACED_AT).isEqualTo(order.updatedAt());
  }

  @Test
  void anOrderNeverMovesBackNorOutOfAnEndState() {
    assertThat(OrderStatus.IN_DELIVERY.canAdvanceTo(OrderStatus.AWAITING_DEPOSIT)).isFalse();
    assertThat(OrderStatus.AWAITING_DEPOSIT.canAdvanceTo(OrderStatus.AWAITING_DEPOSIT)).isFalse();
    assertThat(OrderStatus.AWAITING_DEPOSIT.canAdvanceTo(OrderStatus.IN_DELIVERY)).isTrue();
    assertThat(OrderStatus.GOODS_PREPARED.canAdvanceTo(OrderStatus.CANCELLED)).isTrue();
    for (OrderStatus next : OrderStatus.values()) {
      assertThat(OrderStatus.CLOSED.canAdvanceTo(next)).as("CLOSED -> %s", next).isFalse();
      assertThat(OrderStatus.CANCELLED.canAdvanceTo(next)).as("CANCELLED -> %s", next).isFalse();
    }
  }

  @Test
  void closingTwiceChangesNothingTheSecondTime() {
    assertThat(order.close(LATER)).isTrue();
    assertThat(order.close(LATER.plusSeconds(1))).isFalse();
    assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
    assertThat(order.updatedAt()).isEqualTo(LATER);
  }

  @ParameterizedTest
  @EnumSource(CancellationReason.class)
  void aCancelledOrderKeepsItsReasonAndACancellationTwiceIsChangesNothing(CancellationReason reason) {
    assertThat(order.cancel(reason, LATER)).isTrue();
    assertThat(order.cancel(CancellationReason.CUSTOMER_REQUEST, LATER.plusSeconds(1))).isFalse();
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.cancellationReason()).isEqualTo(reason.name());
    assertThat(order.close(LATER.plusSeconds(2))).as("a cancelled order is not closed later").isFalse();
  }

  @Test
  void aClosedOrderCannotBeCancelledAndTheAnswerNamesItsStatus() {
    order.close(LATER);

    assertThatThrownBy(() -> order.cancel(CancellationReason.CUSTOMER_REQUEST, LATER.plusSeconds(1)))
        .isInstanceOfSatisfying(OrderStatusConflictException.class, conflict -> {
          assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(conflict.getBody().getProperties()).containsEntry("status", OrderStatus.CLOSED).containsEntry("orderId", order.orderId());
          assertThat(conflict.getBody().getDetail()).isEqualTo("A closed order cannot be cancelled. Order " + order.orderId() + " is CLOSED.");
        });
    assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
    assertThat(order.cancellationReason()).isNull();
  }

  @Test
  void theReceiptIsConfirmedOnceAndKeepsItsFirstTime() {
    assertThat(order.confirmReceipt(LATER)).isTrue();
    assertThat(order.confirmReceipt(LATER.plusSeconds(5))).isFalse();
    assertThat(order.receiptConfirmedAt()).isEqualTo(LATER);
  }

  @Test
  void aRetriedPlacementIsTheSameRequestOnlyWithTheSameProductAndQuantity() {
    assertThat(order.sameRequestAs("P-1", 3)).isTrue();
    assertThat(order.sameRequestAs("P-1", 4)).isFalse();
    assertThat(order.sameRequestAs("P-2", 3)).isFalse();
  }
}
