package io.sagashop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvariantsTest {

  private static final OrderFacts CLOSED = new OrderFacts("CLOSED", null, 1, "CHECKED", 200, List.of("COMPLETED"), 0);
  private static final OrderFacts CANCELLED = new OrderFacts("CANCELLED", "CUSTOMER_REQUEST", 0, "CANCELED", 404, List.of("COMPLETED"), 0);

  private final CrowdOrder delivered = placed(new CrowdOrder("c1", "teapot", 2, Fate.DELIVERED, false), "o-1");
  private final CrowdOrder cancelled = placed(new CrowdOrder("c2", "teapot", 3, Fate.CANCELLED_BY_CUSTOMER, true), "o-2");
  private final Map<CrowdOrder, OrderFacts> facts = new HashMap<>(Map.of(delivered, CLOSED, cancelled, CANCELLED));

  @Test
  void shouldHoldWhenStockMoneyDeliveriesAndSagasAddUp() {
    assertThat(broken(8)).isEmpty();
  }

  @Test
  void shouldCatchStockThatWentDownForACancelledOrder() {
    assertThat(broken(5)).singleElement().asString()
        .startsWith(Invariants.STOCK).contains("teapot: 10 - 2 closed = 8, but the stock is 5");
  }

  @Test
  void shouldCatchAPaymentLeftOpenOnACancelledOrder() {
    facts.put(cancelled, new OrderFacts("CANCELLED", "CUSTOMER_REQUEST", 0, "PLACED", 404, List.of("COMPLETED"), 0));

    assertThat(broken(8)).singleElement().asString().startsWith(Invariants.PAYMENTS).contains("o-2", "payment PLACED");
  }

  @Test
  void shouldCatchASecondDeliveryAndASagaStartedTwice() {
    facts.put(delivered, new OrderFacts("CLOSED", null, 2, "CHECKED", 200, List.of("COMPLETED", "COMPLETED"), 0));

    assertThat(broken(8)).hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith(Invariants.DELIVERIES).contains("2 DeliveryStarted"))
        .anySatisfy(line -> assertThat(line).startsWith(Invariants.SAGAS).contains("[COMPLETED, COMPLETED]"));
  }

  @Test
  void shouldCatchAnOrderThatEndedOtherwiseThanMeantAndWhatSurprisedItsCustomer() {
    facts.put(delivered, new OrderFacts("CANCELLED", "DELIVERY_DEADLINE", 0, "CANCELED", 404, List.of("COMPLETED"), 1));
    delivered.surprised("receipt refused");

    assertThat(broken(10))
        .anySatisfy(line -> assertThat(line).startsWith(Invariants.ENDINGS).contains("is CANCELLED (DELIVERY_DEADLINE)"))
        .anySatisfy(line -> assertThat(line).startsWith(Invariants.ANSWERS).contains("receipt refused"));
  }

  @Test
  void shouldCatchADeadLetterOfACrowdOrder() {
    List<String> broken = Invariants.broken(List.of(delivered, cancelled), facts, Map.of("teapot", 10), Map.of("teapot", 8), List.of("order.events.DLT@1: order o-1"));

    assertThat(broken).singleElement().asString().startsWith(Invariants.DEAD_LETTERS).contains("o-1");
  }

  private List<String> broken(int finalStock) {
    return Invariants.broken(List.of(delivered, cancelled), facts, Map.of("teapot", 10), Map.of("teapot", finalStock), List.of());
  }

  private static CrowdOrder placed(CrowdOrder order, String orderId) {
    order.placed(orderId);
    return order;
  }
}
