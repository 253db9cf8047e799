package io.sagashop.orchestrator.saga;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/** Says in one line why a call to another service failed, and what that means for the operator. */
final class StepFailures {

  private static final int MAX_DETAIL = 300;

  private StepFailures() {}

  static String describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OrderFactChangedException changed) {
        return changed.getMessage();
      }
      if (cause instanceof CallNotPermittedException open) {
        return open.getCausingCircuitBreakerName() + " is unavailable: circuit open after repeated failures"
            + " (calls resume on their own once it answers again)";
      }
      if (cause instanceof RetryableException unreachable) {
        return service(unreachable.request()) + " is unreachable (" + unreachable.getMessage() + ")";
      }
      if (cause instanceof FeignException answered && answered.status() > 0) {
        return service(answered.request()) + " answered " + answered.status() + " to " + answered.request().httpMethod()
            + " " + answered.request().url() + detail(answered);
      }
    }
    return failure.toString();
  }

  private static String service(Request request) {
    if (request != null && request.requestTemplate() != null && request.requestTemplate().feignTarget() != null) {
      return request.requestTemplate().feignTarget().name();
    }
    return request == null ? "a service" : request.url();
  }

  private static String detail(FeignException answered) {
    String body = answered.contentUTF8();
    if (body == null || body.isBlank()) {
      return "";
    }
    return ": " + (body.length() > MAX_DETAIL ? body.substring(0, MAX_DETAIL) + "…" : body);
  }
}
