package io.sagashop.order.ordering;

import feign.FeignException;
import io.sagashop.orchestrator.contract.SagaProblems;
import io.sagashop.platform.client.ProblemAnswer;
import io.sagashop.platform.web.DependencyUnavailableException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A customer's receipt. Whether it is taken comes from the saga in the orchestrator (has the
 * delivery started?), never from this service, which would have to follow every other service's
 * events to know, and would know it later than the customer's screen.
 */
@Service
public class OrderReceipt {

  private final OrderService orders;
  private final OrchestratorClient orchestrator;
  OrderReceipt(OrderService orders, OrchestratorClient orchestrator) {
    this.orders = orders;
    this.orchestrator = orchestrator;
  }

  /** The order with its receipt recorded, now or before; refused (409) while it is not in delivery. */
  Order confirm(UUID orderId) {
    Order order = orders.get(orderId);
    if (order.receiptConfirmedAt() != null) {
      return order;
    }
    try {
      orchestrator.confirmReceipt(orderId);
    } catch (ProblemAnswer refused) {
      // the saga's detail says why: not in delivery yet, cancelled, closed
      if (refused.is(SagaProblems.RECEIPT_REFUSED)) {
        throw new OrderActionRefusedException(orderId, "Receipt refused", refused.detail());
      }
      throw unavailable(orderId, refused);
    } catch (FeignException unreachable) {
      throw unavailable(orderId, unreachable);
    }
    return orders.recordReceipt(orderId);
  }

  private static DependencyUnavailableException unavailable(UUID orderId, FeignException failure) {
    return new DependencyUnavailableException("The receipt of order " + orderId + " cannot be taken right now.", failure);
  }
}
