package io.sagashop.order.view;

import java.util.Map;
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

  /**
   * 202: the view is emptied now, once, and fills again as every replica reads the topics from
   * their beginning. Asked on one replica, or on each: every request is one whole rebuild.
   */
  @PostMapping("/internal/order-view/rebuild")
  ResponseEntity<Map<String, Integer>> rebuild() {
    return ResponseEntity.accepted().body(Map.of("generation", projection.rebuild()));
  }
}
