package io.sagashop.order.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import io.sagashop.order.ordering.CatalogStub;

/** A burst of placements beyond the limits: the excess is turned away, and only what was accepted is stored. */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "sagashop.order.admission.per-second=5",
    "sagashop.order.admission.max-concurrent=3",
    "sagashop.services.orchestrator-url=http://localhost:9"})
class PlacementOverloadTest {

  @DynamicPropertySource
  static void catalog(DynamicPropertyRegistry registry) {
    registry.add("sagashop.services.inventory-url", CatalogStub::url);
  }

  private static final int BURST = 30;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldTurnAwayTheExcessOfABurstWithRetryAfterAndStoreOnlyWhatItAccepted() {
    String customer = "burst-" + UUID.randomUUID();
    String token = TestIdentity.customer(customer);
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      answers.add(client.sendAsync(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.ofString("{\"productId\":\"teapot-kyusu\",\"quantity\":1}"))
              .build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();

    List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429 || r.statusCode() == 503).toList();
    long created = responses.stream().filter(r -> r.statusCode() == 201).count();
    assertThat(refused).isNotEmpty().allSatisfy(r -> {
      assertThat(r.headers().firstValue("Retry-After")).contains("1");
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    });
    assertThat(created).isPositive();
    assertThat(created + refused.size()).isEqualTo(BURST);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE customer_id = ?", Long.class, customer)).isEqualTo(created);
  }
}
