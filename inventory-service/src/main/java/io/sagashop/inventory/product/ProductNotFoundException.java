package io.sagashop.inventory.product;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class ProductNotFoundException extends ErrorResponseException {

  public ProductNotFoundException(String productId) {
    super(HttpStatus.NOT_FOUND, problem(productId), null);
  }

  private static ProblemDetail problem(String productId) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no product " + productId + ".");
    problem.setTitle("Unknown product");
    problem.setProperty("productId", productId);
    return problem;
  }
}
