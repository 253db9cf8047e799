package io.sagashop.orchestrator.receipt;

import io.sagashop.delivery.contract.DeliveryApi;
import io.sagashop.delivery.contract.DeliveryView;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** delivery-service knows first whether an order's delivery started (404: it has not). */
@FeignClient(name = "delivery-service", url = "${sagashop.services.delivery-url}")
interface DeliveryClient {

  @GetMapping(DeliveryApi.DELIVERY)
  DeliveryView delivery(@PathVariable UUID orderId);
}
