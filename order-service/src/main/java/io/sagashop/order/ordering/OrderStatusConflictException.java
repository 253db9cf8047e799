package io.sagashop.order.ordering;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A customer action the order's current status does not allow; the answer names the status. */
class OrderStatusConflictException extends ErrorResponseException {

  OrderStatusConflictException(UUID orderId, OrderStatus status, String why) {
    super(HttpStatus.CONFLICT, problem(orderId, status, why), null);
  }

  private static ProblemDetail problem(UUID orderId, OrderStatus status, String why) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, why + " Order " + orderId + " is " + status + ".");
    problem.setTitle("Not possible in status " + status);
    problem.setProperty("orderId", orderId);
    problem.setProperty("status", status);
    return problem;
  }
}
