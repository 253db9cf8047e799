package io.sagashop.orchestrator.cancellation;

import io.sagashop.orchestrator.saga.SagaStart;
import io.sagashop.payment.contract.PaymentAmounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
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

  @PostMapping("/saga/orders/{orderId}/cancellation")
  ResponseEntity<?> cancel(@PathVariable UUID orderId, @Valid @RequestBody CancellationRequest request) {
    SagaCancellation.Outcome outcome = cancellation.cancel(orderId, request.orderVariables(orderId), request.note());
    return switch (outcome) {
      case ACCEPTED -> ResponseEntity.accepted().body(Map.of("orderId", orderId, "outcome", outcome));
      case ALREADY_CANCELLED -> ResponseEntity.ok(Map.of("orderId", orderId, "outcome", outcome));
      case REFUSED -> ResponseEntity.status(HttpStatus.CONFLICT).body(refusal(orderId));
    };
  }

  private static ProblemDetail refusal(UUID orderId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The seller has confirmed the deposit of order " + orderId + "; it can no longer be cancelled.");
    problem.setTitle("Cancellation refused");
    problem.setProperty("orderId", orderId);
    return problem;
  }

  /**
   * The order as order-service knows it, and the customer's note: enough to start the saga and
   * cancel it at once when the cancellation comes before OrderPlaced (no seller ever sees that
   * saga's form, so the product's name is not asked for).
   */
  record CancellationRequest(
      @NotBlank String productId,
      @NotNull @Min(1) Integer quantity,
      @NotNull @DecimalMin(PaymentAmounts.MIN_AMOUNT) @Digits(integer = 7, fraction = 2) BigDecimal amount,
      @Size(max = 500) String note) {

    Map<String, Object> orderVariables(UUID orderId) {
      return new SagaStart(orderId, productId, null, quantity, amount).variables();
    }
  }
}
