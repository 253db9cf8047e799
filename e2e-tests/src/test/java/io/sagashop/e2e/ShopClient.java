package io.sagashop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** The shop's HTTP APIs as a customer, the seller and a test see them. */
final class ShopClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final LocalStack stack;

  ShopClient(LocalStack stack) {
    this.stack = stack;
  }

  /** A JSON answer: its status and body. */
  record Answer(int status, JsonNode body) {}

  Answer get(ShopService service, String path) {
    return send(HttpRequest.newBuilder(uri(service, path)).GET());
  }

  Answer post(ShopService service, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(service, path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(body)));
    headers.forEach(request::header);
    return send(request);
  }

  Answer put(ShopService service, String path, Object body) {
    return send(
        HttpRequest.newBuilder(uri(service, path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** The engine REST API as the seller (HTTP Basic). */
  Answer asSeller(String method, String path, Object body) {
    return engineRest("seller", stack.passwords().seller(), method, path, body);
  }

  /** The engine REST API as the operator (what Cockpit does behind its buttons). */
  Answer asAdmin(String method, String path, Object body) {
    return engineRest("admin", stack.passwords().admin(), method, path, body);
  }

  private Answer engineRest(String user, String password, String method, String path, Object body) {
    String credentials = user + ":" + password;
    return send(
        HttpRequest.newBuilder(uri(ShopService.ORCHESTRATOR, "/engine-rest" + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body))));
  }

  private URI uri(ShopService service, String path) {
    return stack.url(service).resolve(path);
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new AssertionError("HTTP call failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
