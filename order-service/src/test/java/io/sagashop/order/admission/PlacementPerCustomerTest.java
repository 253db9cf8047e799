package io.sagashop.order.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.order.ordering.CatalogStub;
import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * One customer's burst is that customer's problem: past their own allowance they are turned away,
 * before they count against the rate every customer shares, and the next customer orders as usual.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "sagashop.order.admission.per-customer-per-minute=3",
    "sagashop.order.admission.per-second=4",
    "sagashop.services.orchestrator-url=http://localhost:9"})
class PlacementPerCustomerTest {

  @DynamicPropertySource
  static void catalog(DynamicPropertyRegistry registry) {
    registry.add("sagashop.services.inventory-url", CatalogStub::url);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void shouldTurnAwayOneCustomersBurstWithoutUsingUpTheShopsRate() throws Exception {
    String greedy = "greedy-" + UUID.randomUUID();
    String next = "next-" + UUID.randomUUID();

    // five at once from one customer, within one second: the shop's rate (4) would take four of them
    int created = 0;
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> answer = place(greedy);
      if (answer.statusCode() == 201) {
        created++;
      } else {
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(answer.body()).contains("You have placed many orders within a minute", "nothing was stored");
      }
    }
    // the next customer, within the same second, still finds the shop's rate open (before: 429)
    HttpResponse<String> theNext = place(next);

    assertThat(created).isEqualTo(3);
    assertThat(theNext.statusCode()).as(theNext.body()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE customer_id = ?", Long.class, greedy)).isEqualTo(3);
  }

  private HttpResponse<String> place(String customer) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TestIdentity.customer(customer))
            .POST(HttpRequest.BodyPublishers.ofString("{\"productId\":\"teapot-kyusu\",\"quantity\":1}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
