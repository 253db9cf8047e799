package io.sagashop.payment.transfer;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No payment is opened for an order that was cancelled. */
class OrderCancelledException extends ErrorResponseException {

  OrderCancelledException(UUID orderId) {
    super(HttpStatus.CONFLICT, problem(orderId), null);
  }

  private static ProblemDetail problem(UUID orderId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Order " + orderId + " was cancelled; no payment is opened for it.");
    problem.setTitle("Order cancelled");
    return problem;
  }
}
