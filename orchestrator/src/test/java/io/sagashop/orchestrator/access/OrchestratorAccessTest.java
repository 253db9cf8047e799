package io.sagashop.orchestrator.access;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * A customer's cancellation or receipt reaches the saga only through order-service, which checks
 * that the order is theirs. The engine REST API and the webapps: CamundaAccessTest.
 */
@ServiceIntegrationTest
class OrchestratorAccessTest {

  @Autowired TestRestTemplate http;

  @ParameterizedTest(name = "{0} {1} as {2}: {3}")
  @CsvSource({
    "POST, /saga/orders/{id}/cancellation, anonymous,             401",
    "POST, /saga/orders/{id}/receipt,      anonymous,             401",
    "POST, /saga/orders/{id}/receipt,      foreign,               401",
    "POST, /saga/orders/{id}/receipt,      other-application,      401",
    "POST, /saga/orders/{id}/cancellation, customer,              403",
    "POST, /saga/orders/{id}/receipt,      operator,              403",
    "POST, /saga/orders/{id}/receipt,      service:orders.saga,   403",
    "POST, /saga/orders/{id}/cancellation, service:saga.requests, 400",
  })
  void shouldAnswerOnlyTheCallersThatNeedIt(HttpMethod method, String path, String caller, int status) {
    TestIdentity.assertAnswer(http, method, path.replace("{id}", UUID.randomUUID().toString()), caller, status);
  }
}
