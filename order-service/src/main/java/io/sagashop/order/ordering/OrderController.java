package io.sagashop.order.ordering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customers' API: place an order, cancel it, confirm receipt (following it is the view's
 * {@code OrderScreenController}). Each customer acts on their own orders only; another's order
 * answers 404, as one that does not exist.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

  static final int MAX_QUANTITY = 100;

  private final OrderService orders;
  private final OrderCancellation cancellation;
  private final OrderReceipt receipt;

  OrderController(OrderService orders, OrderCancellation cancellation, OrderReceipt receipt) {
    this.orders = orders;
    this.cancellation = cancellation;
    this.receipt = receipt;
  }

  /** The customer is the one the token was issued to; the body names only what they order. */
  @PostMapping
  ResponseEntity<OrderSnapshot> place(
      @AuthenticationPrincipal Jwt customer,
      @Valid @RequestBody PlaceOrderRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 100) String idempotencyKey) {
    Order order = orders.place(customer.getSubject(), request.productId(), request.quantity(), idempotencyKey);
    return ResponseEntity.created(URI.create("/orders/" + order.orderId())).body(OrderSnapshot.of(order));
  }

  /** 202: the saga closes the order shortly; 409 with the reason while its delivery has not started. */
  @PostMapping("/{orderId}/receipt")
  ResponseEntity<OrderSnapshot> confirmReceipt(@AuthenticationPrincipal Jwt customer, @PathVariable UUID orderId) {
    orders.getOwned(orderId, customer.getSubject());
    return ResponseEntity.accepted().body(OrderSnapshot.of(receipt.confirm(orderId)));
  }

  /**
   * 202 when the cancellation is taken (the order becomes CANCELLED shortly), 200 when it was
   * cancelled before, 409 once the seller confirmed the deposit.
   */
  @PostMapping("/{orderId}/cancellation")
  ResponseEntity<OrderSnapshot> cancel(
      @AuthenticationPrincipal Jwt customer, @PathVariable UUID orderId, @Valid @RequestBody(required = false) CancellationRequest request) {
    orders.getOwned(orderId, customer.getSubject());
    boolean taken = cancellation.cancel(orderId, request == null ? null : request.reason());
    OrderSnapshot order = OrderSnapshot.of(orders.get(orderId));
    return taken ? ResponseEntity.accepted().body(order) : ResponseEntity.ok(order);
  }

  record CancellationRequest(@Size(max = 500) String reason) {}

  record PlaceOrderRequest(
      @NotBlank @Size(max = 64) String productId,
      @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {}
}
