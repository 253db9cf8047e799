package io.sagashop.payment.transfer;

import io.sagashop.payment.contract.PaymentStatus;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A deposit cannot be confirmed on a payment that was cancelled or refunded. */
class PaymentClosedException extends ErrorResponseException {

  PaymentClosedException(UUID orderId, PaymentStatus status) {
    super(HttpStatus.CONFLICT, problem(orderId, status), null);
  }

  private static ProblemDetail problem(UUID orderId, PaymentStatus status) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The payment of order " + orderId + " is " + status + ".");
    problem.setTitle("Payment closed");
    problem.setProperty("status", status);
    return problem;
  }
}
