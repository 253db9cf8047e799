package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import feign.FeignException;
import feign.Request;
import feign.RequestTemplate;
import feign.RetryableException;
import feign.Target;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.Test;

/** The one line an operator reads in Cockpit's incident: which service, and what it said. */
class StepFailuresTest {

  private static final String URL = "http://payment-service/payments/3f0c/deposit";

  @Test
  void anOpenCircuitSaysTheServiceIsUnavailableAndThatCallsResumeOnTheirOwn() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("payment-service");
    breaker.transitionToOpenState();

    String line = StepFailures.describe(new IllegalStateException("step failed", CallNotPermittedException.createCallNotPermittedException(breaker)));

    assertThat(line).isEqualTo("payment-service is unavailable: circuit open after repeated failures (calls resume on their own once it answers again)");
  }

  @Test
  void anUnreachableServiceIsNamedByItsClient() {
    RetryableException unreachable = new RetryableException(-1, "Connection refused executing POST " + URL, Request.HttpMethod.POST,
        new ConnectException("Connection refused"), (Long) null, request());

    assertThat(StepFailures.describe(unreachable)).isEqualTo("payment-service is unreachable (Connection refused executing POST " + URL + ")");
  }

  @Test
  void anAnswerNamesTheStatusTheCallAndTheProblemTheServiceSent() {
    String problem = "{\"type\":\"/problems/payment-closed\",\"status\":409,\"detail\":\"The payment of order 3f0c is CANCELED.\"}";
    FeignException conflict = new FeignException.Conflict("409 Conflict", request(), problem.getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(StepFailures.describe(conflict)).isEqualTo("payment-service answered 409 to POST " + URL + ": " + problem);
  }

  @Test
  void aLongAnswerIsCutSoTheIncidentStaysReadable() {
    String page = "<html>" + "x".repeat(1_000) + "</html>";
    FeignException unavailable = new FeignException.ServiceUnavailable("503", request(), page.getBytes(StandardCharsets.UTF_8), Map.of());

    String line = StepFailures.describe(unavailable);

    assertThat(line).startsWith("payment-service answered 503 to POST " + URL + ": <html>xxx").endsWith("…");
    assertThat(line).hasSize(("payment-service answered 503 to POST " + URL + ": ").length() + 300 + 1);
  }

  @Test
  void anAnswerWithoutABodyIsTheStatusAndTheCall() {
    FeignException notFound = new FeignException.NotFound("404", request(), new byte[0], Map.of());

    assertThat(StepFailures.describe(new RuntimeException(notFound))).isEqualTo("payment-service answered 404 to POST " + URL);
  }

  @Test
  void anythingElseIsSaidAsItIs() {
    assertThat(StepFailures.describe(new BpmnError("OUT_OF_STOCK", "too few"))).contains("OUT_OF_STOCK");
    assertThat(StepFailures.describe(new IllegalArgumentException("amount missing"))).isEqualTo("java.lang.IllegalArgumentException: amount missing");
  }

  private static Request request() {
    RequestTemplate template = new RequestTemplate();
    template.feignTarget(new Target.HardCodedTarget<>(Object.class, "payment-service", "http://payment-service"));
    return Request.create(Request.HttpMethod.POST, URL, Map.of(), new byte[0], StandardCharsets.UTF_8, template);
  }
}
