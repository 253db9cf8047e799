package io.sagashop.order.ordering;

import io.sagashop.platform.web.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The order names a product the catalog does not have. */
class UnknownProductException extends ErrorResponseException {

  UnknownProductException(String productId) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(productId), null);
  }

  private static ProblemDetail problem(String productId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "There is no product " + productId + " in the catalog.");
    problem.setTitle("Unknown product");
    InvalidField.on(problem, "productId", "no such product in the catalog");
    return problem;
  }
}
