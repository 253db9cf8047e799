package io.sagashop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.testsupport.TestPostgresInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop's identity provider over real HTTP, on a real PostgreSQL: what the services rely on
 * (discovery, keys, client credentials with exactly their scopes) and what a customer goes through
 * (registration, its rules, a hashed password). The whole sign-in of a browser (authorization code
 * with PKCE) is tested end to end with the shop page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgresInitializer.class)
@Tag("integration")
class IdentityServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String ORCHESTRATOR_SECRET = UUID.randomUUID().toString();
  static final String SELLER_PASSWORD = UUID.randomUUID().toString();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws IOException, NoSuchAlgorithmException {
    Path key = Files.createTempFile("identity-signing-key", ".pem");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    registry.add("SAGASHOP_IDENTITY_SIGNING_KEY", () -> "file:" + key);
    registry.add("SAGASHOP_IDENTITY_ISSUER", () -> "http://localhost:9999");
    registry.add("SAGASHOP_PAGE_URL", () -> "http://localhost:9998/");
    registry.add("SAGASHOP_PAGE_ORIGIN", () -> "http://localhost:9998");
    registry.add("SAGASHOP_ORCHESTRATOR_URL", () -> "http://localhost:9997");
    registry.add("SAGASHOP_ORCHESTRATOR_CLIENT_SECRET", () -> ORCHESTRATOR_SECRET);
    registry.add("SAGASHOP_ORDER_SERVICE_CLIENT_SECRET", () -> UUID.randomUUID().toString());
    registry.add("SAGASHOP_SELLER_PASSWORD", () -> SELLER_PASSWORD);
    registry.add("SAGASHOP_ADMIN_PASSWORD", () -> UUID.randomUUID().toString());
    // every registration here comes from 127.0.0.1 (RegistrationThrottleTest tests the allowance)
    registry.add("SAGASHOP_REGISTRATIONS_PER_HOUR", () -> "1000");
  }

  @Test
  void shouldPublishItsIssuerAndTheKeyTokensAreSignedWith() throws Exception {
    JsonNode discovery = json(get("/.well-known/openid-configuration"));

    assertThat(discovery.path("issuer").asText()).isEqualTo("http://localhost:9999");
    assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
    JsonNode keys = json(get("/oauth2/jwks")).path("keys");
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0).path("kty").asText()).isEqualTo("RSA");
    assertThat(keys.get(0).has("d")).as("the private part stays private").isFalse();
  }

  @Test
  void shouldGiveAServiceATokenWithExactlyTheScopesOfTheStepsItCalls() throws Exception {
    HttpResponse<String> answer = token("orchestrator", ORCHESTRATOR_SECRET,
        "grant_type=client_credentials&scope=" + encode("orders.saga payments.saga stock.saga deliveries.read"));

    assertThat(answer.statusCode()).isEqualTo(200);
    Jwt token = NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks")).build().decode(json(answer).path("access_token").asText());
    assertThat(token.getSubject()).isEqualTo("orchestrator");
    assertThat(token.getAudience()).as("the client's and the shop's").containsExactly("orchestrator", "sagashop");
    assertThat(token.getClaimAsStringList("scope"))
        .containsExactlyInAnyOrder("orders.saga", "payments.saga", "stock.saga", "deliveries.read");
    assertThat(token.getClaims()).doesNotContainKey("roles");
  }

  @Test
  void shouldRefuseAServiceWithAWrongSecretOrAScopeItWasNotGiven() throws Exception {
    assertThat(token("orchestrator", "guessed", "grant_type=client_credentials&scope=orders.saga").statusCode()).isEqualTo(401);
    assertThat(token("orchestrator", ORCHESTRATOR_SECRET, "grant_type=client_credentials&scope=saga.requests").statusCode())
        .isEqualTo(400);
  }

  @Test
  void shouldRegisterACustomerWithAHashedPasswordAndRefuseATakenName() throws Exception {
    String name = "ada-" + UUID.randomUUID().toString().substring(0, 8);

    assertThat(register(name, "correct horse battery").headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/login?registered"));
    assertThat(jdbc.queryForObject("SELECT password FROM users WHERE username = ?", String.class, name))
        .startsWith("{bcrypt}").doesNotContain("correct horse battery");
    assertThat(jdbc.queryForList("SELECT authority FROM authorities WHERE username = ?", String.class, name))
        .containsExactly("ROLE_CUSTOMER");

    HttpResponse<String> again = register(name, "another long password");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("This name is taken");
  }

  @Test
  void shouldRefuseANameThatLooksLikeAnAccountsOrAReservedOne() throws Exception {
    String name = "pt-x-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(register(name, "correct horse battery").statusCode()).isEqualTo(302);

    // before, each became an account of its own: one passed for another, and reset its sign-in count
    for (String lookAlike : List.of(name.toUpperCase(), name + ".", name.replace("-", "_"), "Admin", "SELLER", "admin.", "Orchestrator")) {
      HttpResponse<String> answer = register(lookAlike, "another long password");
      assertThat(answer.statusCode()).as(lookAlike).isEqualTo(200);
      assertThat(answer.body()).as(lookAlike).contains("This name is taken");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE username = ?", Integer.class, lookAlike)).as(lookAlike).isZero();
    }
  }

  @Test
  void shouldNotBelieveAForwardedAddressFromAnUnconfiguredProxy() throws Exception {
    // every guess names another client address; the provider trusts no proxy it was not told of
    String name = "stormed-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(name, "wrong", "203.0.113." + i).headers().firstValue("Location")).hasValueSatisfying(
          location -> assertThat(location).endsWith("/login?error"));
    }

    assertThat(signIn(name, "wrong", "203.0.113.99").headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/login?slowdown"));
  }

  @Test
  void shouldExplainWhatIsWrongWithARegistration() throws Exception {
    HttpResponse<String> answer = register("x y", "short");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("letters, digits and . _ @ - only", "at least 10 characters");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE username = 'x y'", Integer.class)).isZero();
  }

  @Test
  void shouldSignInTheSellerWithThePasswordOfTheConfiguration() throws Exception {
    assertThat(signIn("seller", "wrong").headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/login?error"));
    assertThat(signIn("seller", SELLER_PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).doesNotContain("error"));
    assertThat(jdbc.queryForList("SELECT authority FROM authorities WHERE username = 'seller'", String.class))
        .containsExactlyInAnyOrder("ROLE_SELLER", "GROUP_sellers");
  }

  @Test
  void shouldAnswerItsProbesToAnyoneButItsMetricsOnlyToOperators() throws Exception {
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus").statusCode()).isNotEqualTo(200);
  }

  private HttpResponse<String> register(String name, String password) throws Exception {
    return postForm("/register", "username=" + encode(name) + "&password=" + encode(password) + "&_csrf=" + csrf("/register"));
  }

  private HttpResponse<String> signIn(String name, String password) throws Exception {
    return postForm("/login", "username=" + encode(name) + "&password=" + encode(password) + "&_csrf=" + csrf("/login"));
  }

  /** A sign-in that says it was forwarded for another client. */
  private HttpResponse<String> signIn(String name, String password, String forwardedFor) throws Exception {
    String form = "username=" + encode(name) + "&password=" + encode(password) + "&_csrf=" + csrf("/login");
    return http.send(HttpRequest.newBuilder(URI.create(url("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Forwarded-For", forwardedFor)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The form's CSRF token, as a browser would find it on the page. */
  private String csrf(String page) throws Exception {
    String html = get(page).body();
    int field = html.indexOf("name=\"_csrf\"");
    int value = html.indexOf("value=\"", field) + "value=\"".length();
    return html.substring(value, html.indexOf('"', value));
  }

  private HttpResponse<String> token(String client, String secret, String form) throws Exception {
    String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(String path, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static JsonNode json(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body());
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

}
