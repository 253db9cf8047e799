package io.sagashop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.TestPostgresInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** New accounts are rationed per address: past the hour's allowance, the form answers 429 and stores nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgresInitializer.class)
@Tag("integration")
class RegistrationThrottleTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws IOException, NoSuchAlgorithmException {
    IdentityServiceTest.settings(registry);
    registry.add("SAGASHOP_REGISTRATIONS_PER_HOUR", () -> "3");
  }

  @Test
  void shouldRefuseTheRegistrationsOfAnAddressPastItsAllowanceAndStoreNothing() throws Exception {
    String prefix = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    for (int i = 0; i < 3; i++) {
      assertThat(register(prefix + i).statusCode()).as("registration %d", i + 1).isEqualTo(302);
    }

    HttpResponse<String> fourth = register(prefix + 3);

    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.headers().firstValue("Retry-After")).hasValue("1200");
    assertThat(fourth.body()).contains("Too many new accounts from here");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE username LIKE ?", Integer.class, prefix + "%")).isEqualTo(3);
  }

  private HttpResponse<String> register(String name) throws Exception {
    String html = http.send(HttpRequest.newBuilder(URI.create(url("/register"))).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    int field = html.indexOf("name=\"_csrf\"");
    int value = html.indexOf("value=\"", field) + "value=\"".length();
    String form = "username=" + encode(name) + "&password=" + encode("a long enough password") + "&_csrf=" + encode(html.substring(value, html.indexOf('"', value)));
    return http.send(HttpRequest.newBuilder(URI.create(url("/register")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
