package io.sagashop.order.ordering;

import feign.FeignException;
import io.sagashop.orchestrator.contract.CancellationAnswer;
import io.sagashop.orchestrator.contract.CancellationOutcome;
import io.sagashop.orchestrator.contract.CancellationRequest;
import io.sagashop.orchestrator.contract.SagaProblems;
import io.sagashop.platform.client.ProblemAnswer;
import io.sagashop.platform.web.DependencyUnavailableException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A customer's cancellation. The answer comes from the saga's state in the orchestrator, never
 * from this service's view of the order, which may be a moment behind.
 */
@Service
public class OrderCancellation {

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
      CancellationAnswer answer =
          orchestrator.cancel(orderId, new CancellationRequest(order.productId(), order.quantity(), order.amount(), note));
      return answer.outcome() == CancellationOutcome.ACCEPTED;
    } catch (ProblemAnswer refused) {
      if (refused.is(SagaProblems.CANCELLATION_REFUSED)) {
        throw new OrderActionRefusedException(orderId, "Cancellation refused", refused.detail());
      }
      throw unavailable(orderId, refused);
    } catch (FeignException unreachable) {
      throw unavailable(orderId, unreachable);
    }
  }

  private static DependencyUnavailableException unavailable(UUID orderId, FeignException failure) {
    return new DependencyUnavailableException("The cancellation of order " + orderId + " cannot be decided right now.", failure);
  }
}
