package io.sagashop.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the shop says about one order once the crowd is done, each fact from the service that owns
 * it: the order view (status, reason, timeline), payment-service, delivery-service, and the
 * engine's history (the saga instances and their incidents).
 *
 * @param payment the payment's status, or "none" when no payment was ever opened
 * @param deliveryAnswer what GET /deliveries/{orderId} answered (200 or 404)
 * @param sagaStates the state of every saga instance with the order's business key
 */
record OrderFacts(
    String status,
    String cancellationReason,
    long deliveryStartedEvents,
    String payment,
    int deliveryAnswer,
    List<String> sagaStates,
    int incidents) {

  private static final Set<String> ENDED = Set.of("CLOSED", "CANCELLED");

  /** The order is at rest: its view shows an end and every saga instance of it has ended. */
  boolean isSettled() {
    return ENDED.contains(status) && !sagaStates.isEmpty() && sagaStates.stream().noneMatch("ACTIVE"::equals);
  }

  static OrderFacts read(ShopApi shop, String orderId) {
    JsonNode view = shop.order(orderId).body();
    ShopApi.Answer payment = shop.payment(orderId);
    List<String> states = new ArrayList<>();
    int incidents = 0;
    for (JsonNode saga : shop.sagas(orderId).body()) {
      states.add(saga.path("state").asText());
      incidents += shop.incidents(saga.path("id").asText()).body().size();
    }
    return new OrderFacts(
        view.path("status").asText(),
        view.path("cancellationReason").isNull() ? null : view.path("cancellationReason").asText(null),
        view.path("timeline").findValuesAsText("type").stream().filter("DeliveryStarted"::equals).count(),
        payment.is(404) ? "none" : payment.is(200) ? payment.body().path("status").asText() : "unreadable (" + payment + ")",
        shop.delivery(orderId).status(),
        List.copyOf(states),
        incidents);
  }
}
