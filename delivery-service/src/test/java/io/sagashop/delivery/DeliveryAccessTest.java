package io.sagashop.delivery;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/** A delivery is read by the orchestrator and by operators; nobody else. */
@ServiceIntegrationTest
class DeliveryAccessTest {

  @Autowired TestRestTemplate http;

  @ParameterizedTest(name = "{0} {1} as {2}: {3}")
  @CsvSource({
    "GET, /deliveries/{id}, anonymous,               401",
    "GET, /deliveries/{id}, foreign,                 401",
    "GET, /deliveries/{id}, other-application,        401",
    "GET, /deliveries/{id}, customer,                403",
    "GET, /deliveries/{id}, service:payments.saga,   403",
    "GET, /deliveries/{id}, service:deliveries.read, 404",
    "GET, /deliveries/{id}, operator,                404",
  })
  void shouldAnswerOnlyTheCallersThatNeedIt(HttpMethod method, String path, String caller, int status) {
    TestIdentity.assertAnswer(http, method, path.replace("{id}", UUID.randomUUID().toString()), caller, status);
  }
}
