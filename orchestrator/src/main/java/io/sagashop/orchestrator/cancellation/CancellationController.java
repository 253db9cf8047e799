package io.sagashop.orchestrator.cancellation;

import io.sagashop.orchestrator.contract.CancellationAnswer;
import io.sagashop.orchestrator.contract.CancellationOutcome;
import io.sagashop.orchestrator.contract.CancellationRequest;
import io.sagashop.orchestrator.contract.SagaApi;
import io.sagashop.orchestrator.contract.SagaProblems;
import io.sagashop.orchestrator.saga.SagaStart;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * order-service asks here, synchronously, whether a customer's cancellation is taken, so that the
 * customer gets an immediate yes (202), "already cancelled" (200) or no (409).
 */
@RestController
class CancellationController {

  private final SagaCancellation cancellation;

  CancellationController(SagaCancellation cancellation) {
    this.cancellation = cancellation;
  }

  /**
   * The order's facts start the saga when this cancellation comes before OrderPlaced; no seller
   * ever sees that saga's form, so the product's name is not asked for.
   */
  @PostMapping(SagaApi.CANCELLATION)
  ResponseEntity<?> cancel(@PathVariable UUID orderId, @Valid @RequestBody CancellationRequest request) {
    SagaStart start = new SagaStart(orderId, request.productId(), null, request.quantity(), request.amount());
    return switch (cancellation.cancel(orderId, start.variables(), request.note())) {
      case ACCEPTED -> ResponseEntity.accepted().body(new CancellationAnswer(orderId, CancellationOutcome.ACCEPTED));
      case ALREADY_CANCELLED -> ResponseEntity.ok(new CancellationAnswer(orderId, CancellationOutcome.ALREADY_CANCELLED));
      case REFUSED -> ResponseEntity.status(HttpStatus.CONFLICT).body(refusal(orderId));
    };
  }

  private static ProblemDetail refusal(UUID orderId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The seller has confirmed the deposit of order " + orderId + "; it can no longer be cancelled.");
    problem.setType(SagaProblems.CANCELLATION_REFUSED);
    problem.setTitle("Cancellation refused");
    problem.setProperty("orderId", orderId);
    return problem;
  }
}
