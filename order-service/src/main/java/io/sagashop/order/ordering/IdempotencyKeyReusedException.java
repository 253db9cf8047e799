package io.sagashop.order.ordering;

import io.sagashop.platform.web.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The same Idempotency-Key came with a different order: a client bug, not a retry. */
class IdempotencyKeyReusedException extends ErrorResponseException {

  IdempotencyKeyReusedException(String key) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(key), null);
  }

  private static ProblemDetail problem(String key) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "The Idempotency-Key " + key + " was already used for a different order; use a new key for a new order.");
    problem.setTitle("Idempotency-Key reused");
    InvalidField.on(problem, "Idempotency-Key", "already used for a different order");
    return problem;
  }
}
