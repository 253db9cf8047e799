package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Strangers on the network, over real HTTP against the whole shop with its real identity provider:
 * nobody unsigned gets past the page, the sign-in and the probes; a customer cannot touch another's
 * order; a customer's token opens no internal step.
 */
@Tag("integration")
class SecurityEndToEndTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static LocalStack stack;
  private static ShopClient shop;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
    shop = new ShopClient(stack);
  }

  @ParameterizedTest(name = "{0} {1} {2} as a stranger: 401")
  @CsvSource({
    "ORDER,        GET,  /orders",
    "ORDER,        POST, /orders",
    "ORDER,        GET,  /orders/{id}",
    "ORDER,        POST, /orders/{id}/cancellation",
    "ORDER,        POST, /orders/{id}/receipt",
    "ORDER,        POST, /internal/orders/{id}/closure",
    "ORDER,        POST, /internal/order-view/rebuild",
    "ORCHESTRATOR, POST, /saga/orders/{id}/cancellation",
    "ORCHESTRATOR, GET,  /engine-rest/task",
    "PAYMENT,      GET,  /payments/{id}",
    "PAYMENT,      POST, /payments/{id}/check",
    "INVENTORY,    GET,  /products",
    "INVENTORY,    PUT,  /products/teapot-kyusu",
    "INVENTORY,    PUT,  /stock-decreases/{id}",
    "DELIVERY,     GET,  /deliveries/{id}",
    "ORDER,        GET,  /actuator/prometheus",
    "ORCHESTRATOR, GET,  /actuator/prometheus",
    "PAYMENT,      GET,  /actuator/info",
  })
  void shouldRefuseAnonymousCallers(ShopService service, String method, String path) {
    assertThat(call(service, method, path, null).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0} {1} {2} as a customer: 403")
  @CsvSource({
    "ORDER,        POST, /internal/orders/{id}/closure",
    "ORDER,        POST, /internal/order-view/rebuild",
    "ORCHESTRATOR, POST, /saga/orders/{id}/receipt",
    "PAYMENT,      POST, /payments/{id}/check",
    "INVENTORY,    PUT,  /products/teapot-kyusu",
    "INVENTORY,    PUT,  /stock-decreases/{id}",
    "DELIVERY,     GET,  /deliveries/{id}",
  })
  void shouldRefuseACustomerOnInternalEndpoints(ShopService service, String method, String path) {
    HttpResponse<String> answer = call(service, method, path, shop.customerToken("mallory"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void shouldAnswerTheVisitorThePageTheCatalogTheSignInAndTheProbesOnly() {
    assertThat(call(ShopService.ORDER, "GET", "/", null).statusCode()).isEqualTo(200);
    assertThat(call(ShopService.ORDER, "GET", "/catalog", null).statusCode()).isEqualTo(200);
    assertThat(call(ShopService.IDENTITY, "GET", "/login", null).statusCode()).isEqualTo(200);
    assertThat(call(ShopService.IDENTITY, "GET", "/.well-known/openid-configuration", null).statusCode()).isEqualTo(200);
    // The probes answer on the actuator's own port, which only this machine (or the kubelet) reaches.
    assertThat(get(stack.managementUrl(ShopService.PAYMENT, 1).resolve("/actuator/health/readiness")).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} keeps its metrics off the port it serves on")
  @EnumSource(ShopService.class)
  void shouldAnswerMetricsOnTheManagementPortOnly(ShopService service) {
    HttpResponse<String> onItsPort = call(service, "GET", "/actuator/prometheus", null);

    assertThat(onItsPort.statusCode()).isNotEqualTo(200);
    assertThat(onItsPort.body()).doesNotContain("jvm_memory_used_bytes");
    if (service != ShopService.IDENTITY) { // the provider shows its metrics to operators only
      assertThat(get(stack.managementUrl(service, 1).resolve("/actuator/prometheus")).body()).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void shouldHideOneCustomersOrderFromAnotherAndLetThemChangeNothing() {
    String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
    String orderId = shop.placeOrder(alice, "teapot-kyusu", 1);
    String mallory = shop.customerToken("mallory-" + UUID.randomUUID().toString().substring(0, 8));

    assertThat(call(ShopService.ORDER, "GET", "/orders/" + orderId, mallory).statusCode()).isEqualTo(404);
    assertThat(call(ShopService.ORDER, "POST", "/orders/" + orderId + "/cancellation", mallory).statusCode()).isEqualTo(404);
    assertThat(call(ShopService.ORDER, "POST", "/orders/" + orderId + "/receipt", mallory).statusCode()).isEqualTo(404);
    assertThat(call(ShopService.ORDER, "GET", "/orders?customerId=" + alice, mallory).body()).doesNotContain(orderId);

    assertThat(shop.order(orderId).path("cancellationReason").isNull()).isTrue();
    assertThat(shop.order(orderId).path("status").asText()).isIn("PLACED", "AWAITING_DEPOSIT");
  }

  private static HttpResponse<String> call(ShopService service, String method, String path, String token) {
    return call(stack.url(service).resolve(path.replace("{id}", UUID.randomUUID().toString())), method, token);
  }

  private static HttpResponse<String> get(URI uri) {
    return call(uri, "GET", null);
  }

  private static HttpResponse<String> call(URI uri, String method, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("Cannot reach " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
