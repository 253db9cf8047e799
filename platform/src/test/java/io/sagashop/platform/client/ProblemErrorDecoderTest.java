package io.sagashop.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.FeignException;
import feign.Request;
import feign.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refusal with a problem type of the other side's contract becomes an exception of that type. */
class ProblemErrorDecoderTest {

  private static final URI OUT_OF_STOCK = URI.create("https://sagashop.io/problems/out-of-stock");

  private final ProblemErrorDecoder decoder = new ProblemErrorDecoder(new ObjectMapper());

  @Test
  void aTypedProblemBecomesAProblemAnswerOfItsType() {
    Exception decoded = decoder.decode("InventoryClient#decrease", answer(409, "application/problem+json",
        "{\"type\":\"" + OUT_OF_STOCK + "\",\"title\":\"Out of stock\",\"status\":409,\"detail\":\"Only 1 of tea in stock, 2 ordered.\"}"));

    assertThat(decoded).isInstanceOfSatisfying(ProblemAnswer.class, answer -> {
      assertThat(answer.is(OUT_OF_STOCK)).isTrue();
      assertThat(answer.status()).isEqualTo(409);
      assertThat(answer.detail()).isEqualTo("Only 1 of tea in stock, 2 ordered.");
      // the body stays readable for the incident's message
      assertThat(answer.contentUTF8()).contains("Only 1 of tea");
    });
    // a refusal, which circuit breakers ignore, not a failure of the service
    assertThat(decoded).isInstanceOf(FeignException.FeignClientException.class);
  }

  @Test
  void anUntypedProblemKeepsFeignsOwnException() {
    Exception decoded = decoder.decode("OrchestratorClient#cancel", answer(409, "application/problem+json",
        "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"The deposit was confirmed.\"}"));

    assertThat(decoded).isExactlyInstanceOf(FeignException.Conflict.class);
    assertThat(((FeignException) decoded).contentUTF8()).contains("The deposit was confirmed.");
  }

  @Test
  void aServerErrorStaysAServerErrorEvenWithAType() {
    Exception decoded = decoder.decode("PaymentClient#place", answer(503, "application/problem+json",
        "{\"type\":\"https://sagashop.io/problems/x\",\"status\":503}"));

    assertThat(decoded).isInstanceOf(FeignException.ServiceUnavailable.class);
  }

  @Test
  void aBodyThatIsNoProblemKeepsFeignsOwnException() {
    assertThat(decoder.decode("InventoryClient#decrease", answer(409, "text/html", "<h1>Conflict</h1>")))
        .isExactlyInstanceOf(FeignException.Conflict.class);
    assertThat(decoder.decode("InventoryClient#decrease", answer(409, "application/problem+json", "not json")))
        .isExactlyInstanceOf(FeignException.Conflict.class);
  }

  private static Response answer(int status, String contentType, String body) {
    Request request = Request.create(Request.HttpMethod.PUT, "http://inventory/stock-decreases/1", Map.of(), null, StandardCharsets.UTF_8, null);
    Map<String, Collection<String>> headers = Map.of("Content-Type", List.of(contentType));
    return Response.builder().status(status).reason("").request(request).headers(headers).body(body, StandardCharsets.UTF_8).build();
  }
}
