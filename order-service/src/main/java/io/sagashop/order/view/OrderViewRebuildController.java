package io.sagashop.order.view;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operators: rebuild the order view from the topics (after a bug fix in the projection, or a
 * lost database). Under {@code /internal}, which the ingress does not route.
 */
@RestController
class OrderViewRebuildController {

  private final OrderViewProjection projection;

  OrderViewRebuildController(OrderViewProjection projection) {
    this.projection = projection;
  }

  /** 202: the view is emptied now and fills again as the topics are read from their beginning. */
  @PostMapping("/internal/order-view/rebuild")
  ResponseEntity<Void> rebuild() {
    projection.rebuild();
    return ResponseEntity.accepted().build();
  }
}
