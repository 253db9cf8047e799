package io.sagashop.delivery.shipping;

import io.sagashop.delivery.contract.DeliveryApi;
import io.sagashop.delivery.contract.DeliveryView;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryController {

  private final DeliveryService deliveries;

  DeliveryController(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @GetMapping(DeliveryApi.DELIVERY)
  DeliveryView get(@PathVariable UUID orderId) {
    return deliveries.find(orderId)
        .map(Delivery::view)
        .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
            ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Order " + orderId + " has no delivery."), null));
  }
}
