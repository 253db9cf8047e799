package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.load.ShopAddress;
import io.sagashop.load.SignIn;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's HTTP APIs as a customer, the seller and a test see them, and the steps the tests
 * take again and again through them. Every call carries the token of the person who would make it,
 * signed in at the identity provider as the page does ({@link SignIn}): an order's calls its
 * customer's (the one named when placing it, or in {@code ?customerId=}), a change of the catalog
 * the seller's, any other read the operator's.
 */
final class ShopClient {

  /** How long one saga step may take on a busy two-core machine. */
  static final Duration STEP = Duration.ofSeconds(90);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  private static final Map<String, String> CUSTOMER_OF = new ConcurrentHashMap<>();
  private static final Pattern ORDER_PATH = Pattern.compile("^/orders/([0-9a-f-]{36})");
  private static final Pattern CUSTOMER_PARAMETER = Pattern.compile("[?&]customerId=([^&]+)");

  private final LocalStack stack;
  private final ShopAddress address;
  private final SignIn signIn;

  ShopClient(LocalStack stack) {
    this.stack = stack;
    this.address = ShopAddress.of(stack);
    this.signIn = new SignIn(stack.url(ShopService.IDENTITY), address.page());
  }

  /** A customer's access token: registered and signed in on first use. */
  String customerToken(String customer) {
    return TOKENS.computeIfAbsent("customer:" + customer, key -> {
      String password = ShopPasswords.generate() + ShopPasswords.generate();
      signIn.register(customer, password);
      return signIn.accessToken(customer, password);
    });
  }

  String operatorToken() {
    return TOKENS.computeIfAbsent("staff:admin", key -> signIn.accessToken("admin", stack.passwords().admin()));
  }

  String sellerToken() {
    return TOKENS.computeIfAbsent("staff:seller", key -> signIn.accessToken("seller", stack.passwords().seller()));
  }

  /** Whose token a call carries: see the class comment. */
  private String tokenFor(ShopService service, String method, String path, Object body) {
    if (service == ShopService.ORDER) {
      Matcher order = ORDER_PATH.matcher(path);
      Matcher named = CUSTOMER_PARAMETER.matcher(path);
      if (order.find() && CUSTOMER_OF.containsKey(order.group(1))) {
        return customerToken(CUSTOMER_OF.get(order.group(1)));
      }
      if (named.find()) {
        return customerToken(named.group(1));
      }
      if (body instanceof Map<?, ?> fields && fields.get("customerId") instanceof String customer) {
        return customerToken(customer);
      }
      return operatorToken();
    }
    return service == ShopService.INVENTORY && !method.equals("GET") ? sellerToken() : operatorToken();
  }

  /** A JSON answer: its status and body. */
  record Answer(int status, JsonNode body) {}

  Answer get(ShopService service, String path) {
    return send(HttpRequest.newBuilder(uri(service, path)).header("Authorization", "Bearer " + tokenFor(service, "GET", path, null)).GET());
  }

  Answer post(ShopService service, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(service, path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + tokenFor(service, "POST", path, body))
            .POST(HttpRequest.BodyPublishers.ofString(json(body)));
    headers.forEach(request::header);
    Answer answer = send(request);
    if (service == ShopService.ORDER && path.equals("/orders") && answer.body().has("orderId") && answer.body().has("customerId")) {
      CUSTOMER_OF.put(answer.body().path("orderId").asText(), answer.body().path("customerId").asText());
    }
    return answer;
  }

  Answer put(ShopService service, String path, Object body) {
    return send(
        HttpRequest.newBuilder(uri(service, path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + tokenFor(service, "PUT", path, body))
            .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** The engine REST API as the seller, with their token (its group: sellers). */
  Answer asSeller(String method, String path, Object body) {
    return engineRest(sellerToken(), method, path, body);
  }

  /** The engine REST API as the operator (what Cockpit does behind its buttons), group camunda-admin. */
  Answer asAdmin(String method, String path, Object body) {
    return engineRest(operatorToken(), method, path, body);
  }

  /** Places an order as a customer and returns its id; any answer but 201 fails the test. */
  String placeOrder(String customer, String productId, int quantity) {
    return placeOrder(customer, productId, quantity, Map.of());
  }

  String placeOrder(String customer, String productId, int quantity, Map<String, String> headers) {
    Answer placed = post(ShopService.ORDER, "/orders", Map.of("customerId", customer, "productId", productId, "quantity", quantity), headers);
    assertThat(placed.status()).as("placing an order: %s", placed.body()).isEqualTo(201);
    return placed.body().path("orderId").asText();
  }

  /** The order's one screen, as the customer sees it. */
  JsonNode order(String orderId) {
    return get(ShopService.ORDER, "/orders/" + orderId).body();
  }

  /** The types of the events on the order's timeline, in order. */
  List<String> timeline(String orderId) {
    return order(orderId).path("timeline").findValuesAsText("type");
  }

  void awaitStatus(String orderId, String status) {
    await().atMost(STEP).pollInterval(Duration.ofMillis(300))
        .untilAsserted(() -> assertThat(order(orderId).path("status").asText()).isEqualTo(status));
  }

  /** The seller's "Confirm deposit" task of the order, once the saga has created it. */
  JsonNode awaitDepositTask(String orderId) {
    return await().atMost(STEP)
        .until(() -> asSeller("GET", "/task?processInstanceBusinessKey=" + orderId, null).body(), tasks -> tasks.size() == 1)
        .get(0);
  }

  /** The seller confirms the deposit in Tasklist (over the engine REST API Tasklist uses). */
  void confirmDeposit(String orderId) {
    String task = awaitDepositTask(orderId).path("id").asText();
    assertThat(asSeller("POST", "/task/" + task + "/complete", Map.of()).status()).isEqualTo(204);
  }

  void setStock(String productId, int stock) {
    assertThat(put(ShopService.INVENTORY, "/products/" + productId + "/stock", Map.of("stock", stock)).status()).isEqualTo(200);
  }

  int stock(String productId) {
    return get(ShopService.INVENTORY, "/products/" + productId).body().path("stock").asInt();
  }

  String paymentStatus(String orderId) {
    return get(ShopService.PAYMENT, "/payments/" + orderId).body().path("status").asText();
  }

  private Answer engineRest(String token, String method, String path, Object body) {
    return send(
        HttpRequest.newBuilder(uri(ShopService.ORCHESTRATOR, "/engine-rest" + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** Through the entry where the Ingress routes the path, as customers and sellers come in. */
  private URI uri(ShopService service, String path) {
    return address.uri(service, path);
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
