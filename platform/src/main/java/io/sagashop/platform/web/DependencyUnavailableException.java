package io.sagashop.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Another service this request needs cannot answer right now: 503 with Retry-After, so the client
 * simply tries again shortly. Nothing was stored for the request.
 */
public class DependencyUnavailableException extends ErrorResponseException {

  /** How soon a client should try again: every part that is briefly down is back in seconds. */
  public static final String RETRY_AFTER_SECONDS = "5";

  public DependencyUnavailableException(String detail, Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
    getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail + " Please try again shortly.");
    problem.setTitle("Temporarily unavailable");
    return problem;
  }
}
