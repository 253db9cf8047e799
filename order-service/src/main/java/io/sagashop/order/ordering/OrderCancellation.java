package io.sagashop.order.ordering;

import feign.FeignException;
import io.sagashop.platform.web.DependencyUnavailableException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A customer's cancellation. The answer comes from the saga's state in the orchestrator, never
 * from this service's view of the order, which may be a moment behind.
 */
@Service
class OrderCancellation {

  private final OrderService orders;
  private final OrchestratorClient orchestrator;

  OrderCancellation(OrderService orders, OrchestratorClient orchestrator) {
    this.orders = orders;
    this.orchestrator = orchestrator;
  }

  /** True if the cancellation was taken now, false if the order had been cancelled before. */
  boolean cancel(UUID orderId, String note) {
    Order order = orders.get(orderId);
    if (order.status() == OrderStatus.CANCELLED) {
      return false;
    }
    try {
      var answer =
          orchestrator.cancel(
              orderId, new OrchestratorClient.CancellationRequest(order.productId(), order.quantity(), order.amount(), note));
      return answer.getStatusCode().value() == 202;
    } catch (FeignException.Conflict refused) {
      throw new OrderActionRefusedException(
          orderId, "Cancellation refused", "The seller has confirmed the deposit of order " + orderId + "; it can no longer be cancelled.");
    } catch (FeignException unavailable) {
      throw new DependencyUnavailableException("The cancellation of order " + orderId + " cannot be decided right now.", unavailable);
    }
  }
}
