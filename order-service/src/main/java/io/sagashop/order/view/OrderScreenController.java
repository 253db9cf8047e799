package io.sagashop.order.view;

import io.sagashop.order.ordering.Order;
import io.sagashop.order.ordering.OrderNotFoundException;
import io.sagashop.order.ordering.OrderService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customers' reading side: one order on one screen, and their list of orders, from the
 * precomputed view (N4). Each customer sees their own orders only; another's answers 404.
 */
@RestController
@RequestMapping("/orders")
class OrderScreenController {

  private final OrderViews views;
  private final OrderService orders;

  OrderScreenController(OrderViews views, OrderService orders) {
    this.views = views;
    this.orders = orders;
  }

  /** In the moment between placing and the view having read OrderPlaced, the order itself answers, without a timeline. */
  @GetMapping("/{orderId}")
  OrderScreen get(@AuthenticationPrincipal Jwt customer, @PathVariable UUID orderId) {
    Optional<OrderScreen> screen = views.find(orderId);
    if (screen.isPresent() && screen.get().customerId() != null) {
      return screen.filter(view -> view.customerId().equals(customer.getSubject())).orElseThrow(() -> new OrderNotFoundException(orderId));
    }
    // Not in the view yet, or only its other services' events are: the order itself says whose it is.
    Order order = orders.getOwned(orderId, customer.getSubject());
    return screen.orElseGet(() -> justPlaced(order));
  }

  /** The signed-in customer's orders, newest first. */
  @GetMapping
  OrderViews.Page ofCustomer(
      @AuthenticationPrincipal Jwt customer,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return views.ofCustomer(customer.getSubject(), page, size);
  }

  private static OrderScreen justPlaced(Order order) {
    return new OrderScreen(
        order.orderId(), order.customerId(), order.productId(), null, order.quantity(), order.unitPrice(), order.amount(),
        order.status().name(), order.cancellationReason(), null, null, null, List.of(), order.placedAt(), order.updatedAt());
  }
}
