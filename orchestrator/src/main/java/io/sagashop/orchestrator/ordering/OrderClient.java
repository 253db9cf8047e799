package io.sagashop.orchestrator.ordering;

import io.sagashop.order.contract.CancellationRecord;
import io.sagashop.order.contract.OrderSteps;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** order-service's saga steps (its internal API); safe to repeat for the same order. */
@FeignClient(name = "order-service", url = "${sagashop.services.order-url}")
interface OrderClient {

  @PostMapping(OrderSteps.CLOSURE)
  void close(@PathVariable UUID orderId);

  @PostMapping(OrderSteps.CANCELLATION)
  void markCancelled(@PathVariable UUID orderId, @RequestBody CancellationRecord record);
}
