package io.sagashop.orchestrator.receipt;

import io.sagashop.orchestrator.contract.ReceiptAnswer;
import io.sagashop.orchestrator.contract.SagaApi;
import io.sagashop.orchestrator.contract.SagaProblems;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * order-service asks here, synchronously, whether a customer's receipt is taken: 202, or 409 with
 * the reason. Like the cancellation, the answer comes from the saga, never from a view.
 */
@RestController
class ReceiptController {

  private final SagaReceipt receipt;

  ReceiptController(SagaReceipt receipt) {
    this.receipt = receipt;
  }

  @PostMapping(SagaApi.RECEIPT)
  ResponseEntity<?> confirm(@PathVariable UUID orderId) {
    SagaReceipt.Decision decision = receipt.decide(orderId);
    if (decision.accepted()) {
      return ResponseEntity.accepted().body(new ReceiptAnswer(orderId));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, decision.reason());
    problem.setType(SagaProblems.RECEIPT_REFUSED);
    problem.setTitle("Receipt refused");
    problem.setProperty("orderId", orderId);
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }
}
