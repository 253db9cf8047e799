package io.sagashop.order.ordering;

import io.sagashop.payment.contract.PaymentAmounts;
import io.sagashop.platform.web.InvalidField;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The order's amount is beyond the largest bank transfer payment-service opens: refused when it is
 * placed, rather than taken and left in an incident at "Request bank transfer" until its deadline.
 */
class OrderTooLargeException extends ErrorResponseException {

  OrderTooLargeException(BigDecimal amount) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(amount), null);
  }

  private static ProblemDetail problem(BigDecimal amount) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "The order comes to " + amount.toPlainString() + ", more than the largest bank transfer of " + PaymentAmounts.MAX_AMOUNT
                + "; order fewer at once.");
    problem.setTitle("Order too large");
    InvalidField.on(problem, "quantity", "the amount would exceed " + PaymentAmounts.MAX_AMOUNT);
    return problem;
  }
}
