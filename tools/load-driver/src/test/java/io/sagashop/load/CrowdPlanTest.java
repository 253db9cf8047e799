package io.sagashop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CrowdPlanTest {

  private final CrowdCatalog catalog = CrowdCatalog.forPlan("crowd-test");

  @Test
  void shouldGiveTenPercentOfOrdersToCancellingCustomersAndFivePercentToTheSoldOutProduct() {
    List<CrowdOrder> orders = CrowdPlan.of(200, 16, 1).ordersFor(catalog);

    Map<Fate, Long> fates = orders.stream().collect(Collectors.groupingBy(CrowdOrder::fate, Collectors.counting()));
    assertThat(fates).containsExactlyInAnyOrderEntriesOf(Map.of(Fate.DELIVERED, 170L, Fate.CANCELLED_BY_CUSTOMER, 20L, Fate.OUT_OF_STOCK, 10L));
    assertThat(orders).allSatisfy(order -> {
      assertThat(order.productId()).isEqualTo(order.fate() == Fate.OUT_OF_STOCK ? catalog.soldOut() : order.productId());
      assertThat(order.quantity()).isBetween(1, CrowdPlan.MAX_QUANTITY);
    });
    assertThat(orders.stream().filter(order -> order.fate() != Fate.OUT_OF_STOCK).map(CrowdOrder::productId))
        .allMatch(catalog.inStock()::contains);
  }

  @Test
  void shouldPlanTheSameOrdersForTheSameSeed() {
    Function<Long, List<String>> plan = seed -> CrowdPlan.of(50, 4, seed).ordersFor(catalog).stream()
        .map(order -> order.fate() + " " + order.customerId() + " " + order.productId() + " " + order.quantity() + " " + order.cancelsBeforeDepositRequest())
        .toList();

    assertThat(plan.apply(7L)).isEqualTo(plan.apply(7L)).isNotEqualTo(plan.apply(8L));
  }

  @Test
  void shouldPlanAnOpenLoopOnlyWithCustomersArrivingAtAPositiveRate() {
    assertThat(CrowdPlan.arriving(30, 1.5, 10, 1).openLoop()).isTrue();
    assertThat(CrowdPlan.of(30, 10, 1).openLoop()).isFalse();
    assertThatThrownBy(() -> CrowdPlan.arriving(30, 0, 10, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arrival rate");
  }

  @Test
  void shouldLetTheCustomersOfAnOpenLoopLookAtTheirOrdersAsOftenAsThePageDoes() {
    // the page looks every 2 s; a crowd that looks more often loads the shop with reads no customer makes
    assertThat(CrowdPlan.arriving(30, 1.5, 10, 1).lookAgain()).isEqualTo(Duration.ofSeconds(2));
    assertThat(CrowdPlan.of(30, 10, 1).lookAgain()).isLessThan(Duration.ofSeconds(2));
  }
}
