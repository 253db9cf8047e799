package io.sagashop.order.ordering;

import io.sagashop.order.contract.CancellationRecord;
import io.sagashop.order.contract.OrderSteps;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The saga's steps on orders, called by the orchestrator only. Under {@code /internal}, which the
 * ingress does not route: customers cannot close or cancel orders this way.
 */
@RestController
class SagaStepController {

  private final OrderService orders;

  SagaStepController(OrderService orders) {
    this.orders = orders;
  }

  /** "Close order". */
  @PostMapping(OrderSteps.CLOSURE)
  OrderSnapshot close(@PathVariable UUID orderId) {
    return OrderSnapshot.of(orders.close(orderId));
  }

  /** "Mark order cancelled". */
  @PostMapping(OrderSteps.CANCELLATION)
  OrderSnapshot markCancelled(@PathVariable UUID orderId, @Valid @RequestBody CancellationRecord record) {
    return OrderSnapshot.of(orders.markCancelled(orderId, record.reason()));
  }
}
