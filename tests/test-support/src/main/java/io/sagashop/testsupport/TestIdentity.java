package io.sagashop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The identity provider as a service under test sees it: an issuer whose discovery document, keys
 * (JWKS) and token endpoint (client credentials) answer over HTTP, on the loopback interface, once
 * per test JVM. It is laid out as Keycloak lays out a realm (an issuer with a path, endpoints under
 * {@code /protocol/openid-connect/}), not as the shop's own provider: the services must find every
 * endpoint from the issuer URL alone, as they must with any provider in production. A
 * test signs the tokens of the callers it plays ({@link #customer}, {@link #service}, {@link
 * #staff}) with the same key, so the service checks them exactly as in production: signature,
 * issuer, expiry, scopes and roles. The real provider is tested in identity-service and end to end.
 */
public final class TestIdentity {

  /** The audience the shop's tokens name, and every service expects (SAGASHOP_IDENTITY_AUDIENCE's default). */
  public static final String AUDIENCE = "sagashop";
  private static final String REALM = "/realms/shop";
  private static final String ENDPOINTS = REALM + "/protocol/openid-connect";
  private static final RSAKey KEY = generateKey();
  private static final HttpServer SERVER = start();

  private TestIdentity() {}

  /** The issuer URL: {@code SAGASHOP_IDENTITY_ISSUER} of the service under test. */
  public static String issuer() {
    return "http://localhost:" + SERVER.getAddress().getPort() + REALM;
  }

  /** Where a browser is sent to sign in, as the discovery document says. */
  public static String authorizationEndpoint() {
    return endpoint("/auth");
  }

  /** Where the browser is sent to sign out of the provider, as the discovery document says. */
  public static String endSessionEndpoint() {
    return endpoint("/logout");
  }

  /** Where tokens are fetched, as the discovery document says. */
  public static String tokenEndpoint() {
    return endpoint("/token");
  }

  private static String endpoint(String path) {
    return "http://localhost:" + SERVER.getAddress().getPort() + ENDPOINTS + path;
  }

  /** A customer signed in on the shop page. */
  public static String customer(String name) {
    return sign(name, List.of("openid", "orders"), List.of("CUSTOMER"), issuer());
  }

  /**
   * A seller or an operator signed in: {@code role} is SELLER or OPERATOR, and the token names the
   * Camunda group the shop's provider gives that role ({@code sellers}, {@code camunda-admin}).
   */
  public static String staff(String name, String role) {
    return sign(name, List.of("openid", "orders"), List.of(role), issuer(),
        List.of("SELLER".equals(role) ? "sellers" : "camunda-admin"));
  }

  /** A seller or an operator whose token names no Camunda group. */
  public static String staffWithoutGroups(String name, String role) {
    return sign(name, List.of("openid", "orders"), List.of(role), issuer());
  }

  /** A service calling with its client credentials, granted these scopes. */
  public static String service(String client, String... scopes) {
    return sign(client, List.of(scopes), null, issuer());
  }

  /**
   * A token of the shop's issuer and keys, but issued to another application of the same provider
   * (another audience), with every role, group and scope: a service must refuse it.
   */
  public static String forAnotherApplication(String name) {
    return sign(name, List.of("openid", "orders", "orders.saga", "payments.saga", "stock.saga", "deliveries.read", "saga.requests", "catalog.read"),
        List.of("CUSTOMER", "SELLER", "OPERATOR"), issuer(), List.of("sellers", "camunda-admin"), "another-application");
  }

  /** A well-signed token from another issuer: a service must refuse it. */
  public static String fromAnotherIssuer(String name) {
    return sign(name, List.of("openid", "orders"), List.of("CUSTOMER"), "http://localhost:1");
  }

  /** The claims of the bearer token in an Authorization header, as the service that received it reads them. */
  public static Map<String, Object> claimsOf(String authorization) {
    try {
      return SignedJWT.parse(authorization.substring("Bearer ".length())).getJWTClaimsSet().getClaims();
    } catch (java.text.ParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("Not a bearer token: '" + authorization + "'", e);
    }
  }

  /** From now on, this test's calls carry this token. */
  public static void callAs(TestRestTemplate http, String token) {
    ClientHttpRequestInterceptor bearer = (request, body, execution) -> {
      request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
      return execution.execute(request, body);
    };
    http.getRestTemplate().setInterceptors(List.of(bearer));
  }

  /** From now on, this test's calls carry no token. */
  public static void callAnonymously(TestRestTemplate http) {
    http.getRestTemplate().setInterceptors(List.of());
  }

  /**
   * One call with this token (none when null), for tests of who may call what: the answer, whose
   * body is problem+json when refused.
   */
  public static ResponseEntity<String> call(TestRestTemplate http, HttpMethod method, String path, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      headers.setBearerAuth(token);
    }
    callAnonymously(http);
    return http.exchange(path, method, new HttpEntity<>(method == HttpMethod.GET ? null : "{}", headers), String.class);
  }

  /**
   * A caller by a short name, for tables of who may call what: {@code anonymous}, {@code customer},
   * {@code seller}, {@code operator}, {@code foreign} (signed by another issuer), {@code
   * other-application} (the shop's issuer, another audience, every right), or {@code
   * service:<scope> <scope>} (a service granted these scopes; none after the colon: no scope).
   */
  public static String caller(String name) {
    return switch (name) {
      case "anonymous" -> null;
      case "customer" -> customer("ada");
      case "seller" -> staff("seller", "SELLER");
      case "operator" -> staff("admin", "OPERATOR");
      case "foreign" -> fromAnotherIssuer("ada");
      case "other-application" -> forAnotherApplication("ada");
      default -> {
        if (!name.startsWith("service:")) {
          throw new IllegalArgumentException("No such caller: " + name);
        }
        String scopes = name.substring("service:".length()).trim();
        yield service("some-service", scopes.isEmpty() ? new String[0] : scopes.split(" "));
      }
    };
  }

  /** Calls as {@link #caller(String) caller} and asserts the status; a refusal must be problem+json. */
  public static void assertAnswer(TestRestTemplate http, HttpMethod method, String path, String caller, int status) {
    ResponseEntity<String> answer = call(http, method, path, caller(caller));
    assertThat(answer.getStatusCode().value()).as("%s %s as %s: %s", method, path, caller, answer.getBody())
        .isEqualTo(status);
    if (status == 401 || status == 403) {
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody()).contains("\"status\":" + status);
    }
  }

  private static String sign(String subject, List<String> scopes, List<String> roles, String issuer) {
    return sign(subject, scopes, roles, issuer, List.of());
  }

  private static String sign(String subject, List<String> scopes, List<String> roles, String issuer, List<String> groups) {
    return sign(subject, scopes, roles, issuer, groups, AUDIENCE);
  }

  private static String sign(String subject, List<String> scopes, List<String> roles, String issuer, List<String> groups, String audience) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(subject)
        .audience(List.of("test-client", audience))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
        .claim("scope", String.join(" ", scopes));
    if (roles != null) {
      claims.claim("roles", roles);
    }
    if (!groups.isEmpty()) {
      claims.claim("groups", groups);
    }
    return signed(claims.build());
  }

  private static String signed(JWTClaimsSet claims) {
    try {
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
      token.sign(new RSASSASigner(KEY));
      return token.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(REALM + "/.well-known/openid-configuration", exchange -> answer(exchange, 200, discovery()));
      server.createContext(ENDPOINTS + "/certs", exchange -> answer(exchange, 200, new JWKSet(KEY.toPublicJWK()).toString()));
      server.createContext(ENDPOINTS + "/token", TestIdentity::token);
      server.createContext(ENDPOINTS + "/auth", TestIdentity::authorize);
      server.setExecutor(null);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider's OpenID Connect discovery document, with the fields a client must find there. */
  private static String discovery() {
    return """
        {"issuer":"%s","authorization_endpoint":"%s","token_endpoint":"%s","jwks_uri":"%s","end_session_endpoint":"%s",
         "response_types_supported":["code"],"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
         "grant_types_supported":["authorization_code","client_credentials"],"code_challenge_methods_supported":["S256"],
         "token_endpoint_auth_methods_supported":["client_secret_basic"],"scopes_supported":["openid"]}
        """.formatted(issuer(), authorizationEndpoint(), tokenEndpoint(), endpoint("/certs"), endSessionEndpoint());
  }

  /**
   * The authorization endpoint, without a sign-in page: the person named in {@code login_hint}
   * ({@code seller}, {@code operator} or {@code customer}, as {@link #caller}) is signed in at once,
   * and the browser goes back to the client with a code. A test adds the hint to the address the
   * client sent it to ({@link #signInAs}).
   */
  private static void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = fields(exchange.getRequestURI().getRawQuery());
    String person = query.get("login_hint");
    if (person == null || query.get("redirect_uri") == null) {
      answer(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"login_hint and redirect_uri are required here\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    CODES.put(code, new Grant(person, query.get("client_id"), query.get("nonce")));
    String back = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", back);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /** Where the client sent the browser to sign in, with the person who signs in there. */
  public static String signInAs(String authorizationRequest, String person) {
    return authorizationRequest + "&login_hint=" + person;
  }

  private record Grant(String person, String client, String nonce) {}

  private static final Map<String, Grant> CODES = new ConcurrentHashMap<>();

  private static Map<String, String> fields(String form) {
    if (form == null || form.isEmpty()) {
      return Map.of();
    }
    return Arrays.stream(form.split("&"))
        .map(field -> field.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
  }

  /** The person's ID token, for the client that asked, and their access token. */
  private static void exchangeCode(HttpExchange exchange, Map<String, String> fields) throws IOException {
    Grant grant = CODES.remove(fields.getOrDefault("code", ""));
    if (grant == null) {
      answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String access = caller(grant.person());
    Map<String, Object> claims = claimsOf("Bearer " + access);
    Instant now = Instant.now();
    JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject((String) claims.get("sub"))
        .audience(grant.client())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
        .claim("nonce", grant.nonce());
    if (claims.get("groups") != null) {
      id.claim("groups", claims.get("groups"));
    }
    answer(exchange, 200, "{\"access_token\":\"" + access + "\",\"id_token\":\"" + signed(id.build())
        + "\",\"token_type\":\"Bearer\",\"expires_in\":1800,\"scope\":\"openid\"}");
  }

  /** Client credentials: the client named in Basic auth gets the scopes it asks for; or a code exchanged. */
  private static void token(HttpExchange exchange) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> fields = fields(form);
    if ("authorization_code".equals(fields.get("grant_type"))) {
      exchangeCode(exchange, fields);
      return;
    }
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    if (basic == null || !basic.startsWith("Basic ") || !"client_credentials".equals(fields.get("grant_type"))) {
      answer(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    String client = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2)[0];
    String scope = fields.getOrDefault("scope", "");
    String token = service(client, scope.isBlank() ? new String[0] : scope.split(" "));
    answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":1800,\"scope\":\"" + scope + "\"}");
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
