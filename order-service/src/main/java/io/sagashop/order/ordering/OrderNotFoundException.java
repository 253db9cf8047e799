package io.sagashop.order.ordering;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no such order, or another customer's, which must not tell that it exists. */
public class OrderNotFoundException extends ErrorResponseException {

  public OrderNotFoundException(UUID orderId) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no order " + orderId + "."), null);
  }
}
