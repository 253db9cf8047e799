package io.sagashop.order.ordering;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.FeignException;
import io.sagashop.platform.web.DependencyUnavailableException;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A customer's receipt. Whether it is taken comes from the saga in the orchestrator (has the
 * delivery started?), never from this service, which would have to follow every other service's
 * events to know, and would know it later than the customer's screen.
 */
@Service
class OrderReceipt {

  private final OrderService orders;
  private final OrchestratorClient orchestrator;
  private final ObjectMapper json;

  OrderReceipt(OrderService orders, OrchestratorClient orchestrator, ObjectMapper json) {
    this.orders = orders;
    this.orchestrator = orchestrator;
    this.json = json;
  }

  /** The order with its receipt recorded, now or before; refused (409) while it is not in delivery. */
  Order confirm(UUID orderId) {
    Order order = orders.get(orderId);
    if (order.receiptConfirmedAt() != null) {
      return order;
    }
    try {
      orchestrator.confirmReceipt(orderId);
    } catch (FeignException.Conflict refused) {
      throw new OrderActionRefusedException(orderId, "Receipt refused", reasonOf(refused));
    } catch (FeignException unavailable) {
      throw new DependencyUnavailableException("The receipt of order " + orderId + " cannot be taken right now.", unavailable);
    }
    return orders.recordReceipt(orderId);
  }

  /** The orchestrator's problem detail, which says why (not in delivery yet, cancelled, closed). */
  private String reasonOf(FeignException.Conflict refused) {
    try {
      return json.readTree(refused.contentUTF8()).path("detail").asText("The receipt was refused.");
    } catch (IOException unreadable) {
      return "The receipt was refused.";
    }
  }
}
