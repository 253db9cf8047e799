package io.sagashop.order.catalog;

import feign.FeignException;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Prices for new orders; says clearly when the catalog cannot be asked right now. */
@Component
public class Catalog {

  static final String RETRY_AFTER_SECONDS = "5";

  private final CatalogClient client;

  Catalog(CatalogClient client) {
    this.client = client;
  }

  public Optional<Price> priceOf(String productId) {
    try {
      return client.product(productId).map(product -> new Price(product.productId(), product.name(), product.unitPrice()));
    } catch (FeignException e) {
      throw new CatalogUnavailableException(e);
    }
  }

  public record Price(String productId, String name, BigDecimal unitPrice) {}

  /** 503 with Retry-After: the customer may simply try again shortly; nothing was stored. */
  static class CatalogUnavailableException extends ErrorResponseException {

    CatalogUnavailableException(Throwable cause) {
      super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
      getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private static ProblemDetail problem() {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE, "The catalog cannot be reached to price the order. Please try again shortly.");
      problem.setTitle("Catalog unavailable");
      return problem;
    }
  }
}
