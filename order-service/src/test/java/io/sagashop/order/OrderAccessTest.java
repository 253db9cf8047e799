package io.sagashop.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.order.ordering.CatalogStub;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The page and the catalog for every visitor; orders for signed-in customers; the saga's steps for
 * the orchestrator; the view's rebuild for operators (before, any web page could POST it cross-site).
 */
@ServiceIntegrationTest
class OrderAccessTest {

  @Autowired TestRestTemplate http;

  @DynamicPropertySource
  static void catalog(DynamicPropertyRegistry registry) {
    registry.add("sagashop.services.inventory-url", CatalogStub::url);
    registry.add("sagashop.services.orchestrator-url", () -> "http://localhost:9");
  }

  @ParameterizedTest(name = "{0} {1} as {2}: {3}")
  @CsvSource({
    "GET,  /,                             anonymous,            200",
    "GET,  /app.js,                       anonymous,            200",
    "GET,  /catalog,                      anonymous,            200",
    "GET,  /page-settings,                anonymous,            200",
    "GET,  /orders,                       anonymous,            401",
    "POST, /orders,                       anonymous,            401",
    "GET,  /orders/{id},                  anonymous,            401",
    "POST, /orders/{id}/cancellation,     anonymous,            401",
    "POST, /orders/{id}/receipt,          anonymous,            401",
    "POST, /internal/orders/{id}/closure, anonymous,            401",
    "POST, /internal/order-view/rebuild,  anonymous,            401",
    "GET,  /orders,                       foreign,              401",
    "GET,  /orders,                       other-application,    401",
    "GET,  /orders,                       service:orders,       403",
    "GET,  /orders,                       operator,             403",
    "GET,  /orders,                       customer,             200",
    "POST, /internal/orders/{id}/closure, customer,             403",
    "POST, /internal/orders/{id}/closure, service:saga.requests, 403",
    "POST, /internal/orders/{id}/closure, service:orders.saga,  404",
    "POST, /internal/order-view/rebuild,  customer,             403",
    "POST, /internal/order-view/rebuild,  service:orders.saga,  403",
  })
  void shouldAnswerOnlyTheCallersThatNeedIt(HttpMethod method, String path, String caller, int status) {
    TestIdentity.assertAnswer(http, method, path.replace("{id}", UUID.randomUUID().toString()), caller, status);
  }

  /** The provider's endpoints come from its discovery document: the test provider is laid out as Keycloak is. */
  @Test
  void shouldTellThePageTheProvidersEndpointsFoundFromTheIssuerAlone() throws Exception {
    JsonNode settings = new ObjectMapper().readTree(TestIdentity.call(http, HttpMethod.GET, "/page-settings", null).getBody());

    assertThat(settings.path("clientId").asText()).isEqualTo("shop-page");
    assertThat(settings.path("issuer").asText()).isEqualTo(TestIdentity.issuer());
    assertThat(settings.path("authorizationEndpoint").asText()).isEqualTo(TestIdentity.authorizationEndpoint());
    assertThat(settings.path("tokenEndpoint").asText()).isEqualTo(TestIdentity.tokenEndpoint());
    assertThat(settings.path("endSessionEndpoint").asText()).isEqualTo(TestIdentity.endSessionEndpoint());
  }

  @Test
  void shouldRefuseAHugeBodyWith413BeforeReadingItOrCheckingTheToken() {
    // 10 MB of JSON, from anybody: answered from its announced length alone (before, read whole, then 401)
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String huge = "{\"productId\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

    ResponseEntity<String> answer = http.exchange("/orders", HttpMethod.POST, new HttpEntity<>(huge, headers), String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody()).contains("/problems/request-too-large", "reads at most 262144");
  }
}
