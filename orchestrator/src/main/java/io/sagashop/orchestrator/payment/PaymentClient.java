package io.sagashop.orchestrator.payment;

import io.sagashop.payment.contract.PaymentApi;
import io.sagashop.payment.contract.PaymentRequest;
import io.sagashop.payment.contract.PaymentView;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** payment-service; every call is safe to repeat for the same order. */
@FeignClient(name = "payment-service", url = "${sagashop.services.payment-url}")
interface PaymentClient {

  @PutMapping(PaymentApi.PAYMENT)
  PaymentView place(@PathVariable UUID orderId, @RequestBody PaymentRequest request);

  @PostMapping(PaymentApi.CHECK)
  PaymentView check(@PathVariable UUID orderId);

  @PostMapping(PaymentApi.CANCELLATION)
  void cancel(@PathVariable UUID orderId);
}
