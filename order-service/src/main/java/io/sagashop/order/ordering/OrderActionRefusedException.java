package io.sagashop.order.ordering;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The saga refused what the customer asked for (a cancellation, a receipt): 409 with its reason. */
class OrderActionRefusedException extends ErrorResponseException {

  OrderActionRefusedException(UUID orderId, String title, String reason) {
    super(HttpStatus.CONFLICT, problem(orderId, title, reason), null);
  }

  private static ProblemDetail problem(UUID orderId, String title, String reason) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, reason);
    problem.setTitle(title);
    problem.setProperty("orderId", orderId);
    return problem;
  }
}
