package io.sagashop.order.ordering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The saga's steps on orders, called by the orchestrator only. Under {@code /internal}, which the
 * ingress does not route: customers cannot close or cancel orders this way.
 */
@RestController
@RequestMapping("/internal/orders/{orderId}")
class SagaStepController {

  private final OrderService orders;

  SagaStepController(OrderService orders) {
    this.orders = orders;
  }

  /** "Close order". */
  @PostMapping("/closure")
  OrderSnapshot close(@PathVariable UUID orderId) {
    return OrderSnapshot.of(orders.close(orderId));
  }

  /** "Mark order cancelled". */
  @PostMapping("/cancellation")
  OrderSnapshot markCancelled(@PathVariable UUID orderId, @Valid @RequestBody CancellationRecord record) {
    return OrderSnapshot.of(orders.markCancelled(orderId, record.reason()));
  }

  record CancellationRecord(@NotNull CancellationReason reason) {}
}
