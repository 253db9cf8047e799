package io.sagashop.payment.transfer;

import io.sagashop.payment.contract.PaymentApi;
import io.sagashop.payment.contract.PaymentRequest;
import io.sagashop.payment.contract.PaymentView;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bank-transfer payments, one per order, named by the order id. */
@RestController
class PaymentController {

  private final PaymentService payments;

  PaymentController(PaymentService payments) {
    this.payments = payments;
  }

  /** 201 when the payment is new, 200 with the same payment when it existed. */
  @PutMapping(PaymentApi.PAYMENT)
  ResponseEntity<PaymentView> place(@PathVariable UUID orderId, @Valid @RequestBody PaymentRequest request) {
    PaymentService.Placement placement = payments.place(orderId, request.amount());
    return ResponseEntity.status(placement.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(placement.payment().view());
  }

  @GetMapping(PaymentApi.PAYMENT)
  PaymentView get(@PathVariable UUID orderId) {
    return payments.get(orderId).view();
  }

  @PostMapping(PaymentApi.CHECK)
  PaymentView check(@PathVariable UUID orderId) {
    return payments.check(orderId).view();
  }

  /** 200 with the voided or refunded payment, 204 when the order has none. */
  @PostMapping(PaymentApi.CANCELLATION)
  ResponseEntity<PaymentView> cancel(@PathVariable UUID orderId) {
    return payments.cancel(orderId).map(Payment::view).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
  }
}
