package io.sagashop.platform.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Optional;

/**
 * Turns a refusal ({@code 4xx}) that is {@code application/problem+json} with a type of its own into
 * a {@link ProblemAnswer} carrying that type. Everything else (untyped problems, {@code 5xx}, bodies
 * that are not problems) gets Feign's own exceptions, so retries and circuit breakers see them as
 * before.
 */
public class ProblemErrorDecoder implements ErrorDecoder {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String UNTYPED = "about:blank";

  private final ObjectMapper json;
  private final ErrorDecoder fallback = new ErrorDecoder.Default();

  public ProblemErrorDecoder(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    if (response.status() < 400 || response.status() >= 500 || !isProblem(response) || response.body() == null) {
      return fallback.decode(methodKey, response);
    }
    byte[] body;
    try {
      body = Util.toByteArray(response.body().asInputStream());
    } catch (IOException unreadable) {
      return fallback.decode(methodKey, response);
    }
    Response again = response.toBuilder().body(body).build();
    return typeOf(body)
        .<Exception>map(type -> new ProblemAnswer(response.status(), type.type(), type.detail(), response.request(), body, response.headers()))
        .orElseGet(() -> fallback.decode(methodKey, again));
  }

  private record Typed(URI type, String detail) {}

  private Optional<Typed> typeOf(byte[] body) {
    try {
      JsonNode problem = json.readTree(body);
      String type = problem.path("type").asText("");
      if (type.isBlank() || UNTYPED.equals(type)) {
        return Optional.empty();
      }
      return Optional.of(new Typed(URI.create(type), problem.path("detail").asText("")));
    } catch (IOException | IllegalArgumentException notAProblem) {
      return Optional.empty();
    }
  }

  private static boolean isProblem(Response response) {
    Collection<String> types = response.headers().getOrDefault("Content-Type", response.headers().get("content-type"));
    return types != null && types.stream().anyMatch(value -> value.startsWith(PROBLEM_JSON));
  }
}
