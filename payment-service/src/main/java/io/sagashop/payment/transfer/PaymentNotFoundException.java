package io.sagashop.payment.transfer;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class PaymentNotFoundException extends ErrorResponseException {

  PaymentNotFoundException(UUID orderId) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Order " + orderId + " has no payment."), null);
  }
}
