package io.sagashop.order.ordering;

import io.sagashop.orchestrator.contract.CancellationAnswer;
import io.sagashop.orchestrator.contract.CancellationRequest;
import io.sagashop.orchestrator.contract.ReceiptAnswer;
import io.sagashop.orchestrator.contract.SagaApi;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The orchestrator decides cancellations and receipts: only the saga knows whether the deposit was
 * confirmed or the delivery has started. Its refusals come as the contract's problem types.
 */
@FeignClient(name = "orchestrator", url = "${sagashop.services.orchestrator-url}")
interface OrchestratorClient {

  @PostMapping(SagaApi.CANCELLATION)
  CancellationAnswer cancel(@PathVariable UUID orderId, @RequestBody CancellationRequest request);

  @PostMapping(SagaApi.RECEIPT)
  ReceiptAnswer confirmReceipt(@PathVariable UUID orderId);
}
