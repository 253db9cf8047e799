package io.sagashop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service starts while the identity provider is down (it finds the provider's endpoints on first
 * use), and while it stays down, a call with a token and the page's sign-in answer 503 with
 * Retry-After: the caller's token may be good, and the provider is back in seconds. Before, Spring
 * Boot's lazy discovery failed such a call with 500.
 */
@ServiceIntegrationTest
class IdentityProviderDownTest {

  private static final String NOBODY_THERE = "http://localhost:9/realms/shop";

  @Autowired TestRestTemplate http;

  @DynamicPropertySource
  static void providerDown(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> NOBODY_THERE);
    registry.add("sagashop.page.identity-discovery-uri", () -> NOBODY_THERE + "/.well-known/openid-configuration");
  }

  @Test
  void shouldAnswerACallerWithATokenThatTheProviderIsDownForNow() {
    ResponseEntity<String> answer = TestIdentity.call(http, HttpMethod.GET, "/orders", TestIdentity.customer("ada"));

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(answer.getBody()).contains("/problems/identity-provider-unavailable");
  }

  @Test
  void shouldAnswerThePageThatSignInIsUnavailableForNow() {
    ResponseEntity<String> answer = TestIdentity.call(http, HttpMethod.GET, "/page-settings", null);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(answer.getBody()).contains("identity provider cannot be reached");
  }

  @Test
  void shouldStillRefuseACallerWithoutAToken() {
    assertThat(TestIdentity.call(http, HttpMethod.GET, "/orders", null).getStatusCode().value()).isEqualTo(401);
  }
}
