package io.sagashop.payment.transfer;

import jakarta.validation.Valid;
import io.sagashop.platform.money.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bank-transfer payments, one per order, named by the order id. */
@RestController
@RequestMapping("/payments")
class PaymentController {

  private final PaymentService payments;

  PaymentController(PaymentService payments) {
    this.payments = payments;
  }

  /** 201 when the payment is new, 200 with the same payment when it existed. */
  @PutMapping("/{orderId}")
  ResponseEntity<PaymentView> place(@PathVariable UUID orderId, @Valid @RequestBody PlaceRequest request) {
    PaymentService.Placement placement = payments.place(orderId, request.amount());
    return ResponseEntity.status(placement.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(PaymentView.of(placement.payment()));
  }

  @GetMapping("/{orderId}")
  PaymentView get(@PathVariable UUID orderId) {
    return PaymentView.of(payments.get(orderId));
  }

  @PostMapping("/{orderId}/check")
  PaymentView check(@PathVariable UUID orderId) {
    return PaymentView.of(payments.check(orderId));
  }

  /** 200 with the voided or refunded payment, 204 when the order has none. */
  @PostMapping("/{orderId}/cancellation")
  ResponseEntity<PaymentView> cancel(@PathVariable UUID orderId) {
    return payments.cancel(orderId).map(PaymentView::of).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
  }

  record PlaceRequest(
      @NotNull @DecimalMin(Money.MIN_AMOUNT) @DecimalMax(Money.MAX_AMOUNT) @Digits(integer = 7, fraction = 2) BigDecimal amount) {}
}
