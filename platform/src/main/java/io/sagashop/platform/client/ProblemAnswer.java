package io.sagashop.platform.client;

import feign.FeignException;
import feign.Request;
import java.net.URI;
import java.util.Collection;
import java.util.Map;

/**
 * Another service refused a call with a problem of a type its contract names (say inventory's
 * {@code out-of-stock}): an answer the caller may act on by its type, never by reading the body.
 * A client error still, so retries and circuit breakers treat it as an answer, not as a sick service.
 */
public class ProblemAnswer extends FeignException.FeignClientException {

  private final URI type;
  private final String detail;

  ProblemAnswer(int status, URI type, String detail, Request request, byte[] body, Map<String, Collection<String>> headers) {
    super(status, "[" + status + "] " + type + ": " + detail, request, body, headers);
    this.type = type;
    this.detail = detail;
  }

  public URI type() {
    return type;
  }

  public String detail() {
    return detail;
  }

  public boolean is(URI problemType) {
    return type.equals(problemType);
  }
}
