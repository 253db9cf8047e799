package io.sagashop.orchestrator.stock;

import io.sagashop.inventory.contract.StockApi;
import io.sagashop.inventory.contract.StockDecreaseRequest;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** inventory-service's stock steps: synchronous (N1), and safe to repeat for the same order. */
@FeignClient(name = "inventory-service", url = "${sagashop.services.inventory-url}")
interface InventoryClient {

  @PutMapping(StockApi.DECREASE)
  void decrease(@PathVariable UUID orderId, @RequestBody StockDecreaseRequest request);

  @PostMapping(StockApi.RESTORATION)
  void restore(@PathVariable UUID orderId);
}
