package io.sagashop.inventory;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Nobody reprices a product or drains the stock but staff and the saga: before this, anyone who
 * reached the service could PUT a price of 0.01 or decrease stock for random orders.
 */
@ServiceIntegrationTest
class InventoryAccessTest {

  @Autowired TestRestTemplate http;

  @ParameterizedTest(name = "{0} {1} as {2}: {3}")
  @CsvSource({
    "GET,  /products,                           anonymous,            401",
    "PUT,  /products/{id},                      anonymous,            401",
    "PUT,  /stock-decreases/{order},            anonymous,            401",
    "PUT,  /products/{id},                      foreign,              401",
    "PUT,  /products/{id},                      other-application,    401",
    "GET,  /products,                           other-application,    401",
    "PUT,  /products/{id},                      customer,             403",
    "PUT,  /products/{id}/stock,                customer,             403",
    "PUT,  /products/{id},                      service:catalog.read, 403",
    "PUT,  /stock-decreases/{order},            customer,             403",
    "PUT,  /stock-decreases/{order},            seller,               403",
    "POST, /stock-decreases/{order}/restoration, service:catalog.read, 403",
    "GET,  /products,                           customer,             403",
    "GET,  /products,                           service:catalog.read, 200",
    "GET,  /products/{id},                      seller,               404",
    "PUT,  /products/{id},                      seller,               400",
    "PUT,  /products/{id}/stock,                operator,             400",
    "PUT,  /stock-decreases/{order},            service:stock.saga,   400",
  })
  void shouldAnswerOnlyTheCallersThatNeedIt(HttpMethod method, String path, String caller, int status) {
    String resolved = path.replace("{id}", "nothing-" + UUID.randomUUID()).replace("{order}", UUID.randomUUID().toString());
    TestIdentity.assertAnswer(http, method, resolved, caller, status);
  }
}
