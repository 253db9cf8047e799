package io.sagashop.inventory.stock;

import io.sagashop.inventory.contract.StockProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Too few goods for an order: a business outcome the saga turns into a refund, not a failure. */
class OutOfStockException extends ErrorResponseException {

  OutOfStockException(String productId, int inStock, int asked) {
    super(HttpStatus.CONFLICT, problem(productId, inStock, asked), null);
  }

  private static ProblemDetail problem(String productId, int inStock, int asked) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "Only " + inStock + " of " + productId + " in stock, " + asked + " ordered.");
    problem.setType(StockProblems.OUT_OF_STOCK);
    problem.setTitle("Out of stock");
    problem.setProperty("productId", productId);
    problem.setProperty("inStock", inStock);
    return problem;
  }
}
