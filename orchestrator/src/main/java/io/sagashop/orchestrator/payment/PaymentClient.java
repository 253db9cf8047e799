package io.sagashop.orchestrator.payment;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** payment-service; every call is safe to repeat for the same order. */
@FeignClient(name = "payment-service", url = "${sagashop.services.payment-url}")
interface PaymentClient {

  @PutMapping("/payments/{orderId}")
  Payment place(@PathVariable UUID orderId, @RequestBody PlaceRequest request);

  @PostMapping("/payments/{orderId}/check")
  Payment check(@PathVariable UUID orderId);

  @PostMapping("/payments/{orderId}/cancellation")
  void cancel(@PathVariable UUID orderId);

  record PlaceRequest(BigDecimal amount) {}

  record Payment(UUID orderId, BigDecimal amount, String bankAccount, String transferReference, String status) {}
}
