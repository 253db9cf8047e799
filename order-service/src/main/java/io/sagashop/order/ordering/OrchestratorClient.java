package io.sagashop.order.ordering;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The orchestrator decides cancellations and receipts: only the saga knows whether the deposit was
 * confirmed or the delivery has started.
 */
@FeignClient(name = "orchestrator", url = "${sagashop.services.orchestrator-url}")
interface OrchestratorClient {

  /** 202 taken, 200 cancelled before, 409 refused. */
  @PostMapping("/saga/orders/{orderId}/cancellation")
  ResponseEntity<Map<String, Object>> cancel(@PathVariable UUID orderId, @RequestBody CancellationRequest request);

  /** 202 taken, 409 refused (with the reason as problem detail). */
  @PostMapping("/saga/orders/{orderId}/receipt")
  ResponseEntity<Map<String, Object>> confirmReceipt(@PathVariable UUID orderId);

  record CancellationRequest(String productId, int quantity, BigDecimal amount, String note) {}
}
