package io.sagashop.order.ordering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customers' API: place an order, follow it, confirm receipt. */
@RestController
@RequestMapping("/orders")
@Validated
class OrderController {

  static final int MAX_QUANTITY = 100;

  private final OrderService orders;
  private final OrderCancellation cancellation;

  OrderController(OrderService orders, OrderCancellation cancellation) {
    this.orders = orders;
    this.cancellation = cancellation;
  }

  @PostMapping
  ResponseEntity<OrderView> place(
      @Valid @RequestBody PlaceOrderRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 100) String idempotencyKey) {
    Order order = orders.place(request.customerId(), request.productId(), request.quantity(), idempotencyKey);
    return ResponseEntity.created(URI.create("/orders/" + order.orderId())).body(OrderView.of(order));
  }

  @GetMapping("/{orderId}")
  OrderView get(@PathVariable UUID orderId) {
    return OrderView.of(orders.get(orderId));
  }

  /** 202: the saga closes the order shortly; 409 with the status when the order is not in delivery. */
  @PostMapping("/{orderId}/receipt")
  ResponseEntity<OrderView> confirmReceipt(@PathVariable UUID orderId) {
    return ResponseEntity.accepted().body(OrderView.of(orders.confirmReceipt(orderId)));
  }

  /**
   * 202 when the cancellation is taken (the order becomes CANCELLED shortly), 200 when it was
   * cancelled before, 409 once the seller confirmed the deposit.
   */
  @PostMapping("/{orderId}/cancellation")
  ResponseEntity<OrderView> cancel(@PathVariable UUID orderId, @Valid @RequestBody(required = false) CancellationRequest request) {
    boolean taken = cancellation.cancel(orderId, request == null ? null : request.reason());
    OrderView order = OrderView.of(orders.get(orderId));
    return taken ? ResponseEntity.accepted().body(order) : ResponseEntity.ok(order);
  }

  record CancellationRequest(@Size(max = 500) String reason) {}

  record PlaceOrderRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only") String customerId,
      @NotBlank @Size(max = 64) String productId,
      @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {}
}
