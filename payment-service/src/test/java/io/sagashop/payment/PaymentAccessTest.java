package io.sagashop.payment;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/** Only the orchestrator moves a payment; an operator may read one; nobody else gets anything. */
@ServiceIntegrationTest
class PaymentAccessTest {

  @Autowired TestRestTemplate http;

  @ParameterizedTest(name = "{0} {1} as {2}: {3}")
  @CsvSource({
    "PUT,  /payments/{id},              anonymous,               401",
    "GET,  /payments/{id},              anonymous,               401",
    "POST, /payments/{id}/check,        foreign,                 401",
    "POST, /payments/{id}/check,        other-application,        401",
    "POST, /payments/{id}/check,        customer,                403",
    "POST, /payments/{id}/cancellation, service:stock.saga,      403",
    "GET,  /payments/{id},              customer,                403",
    "PUT,  /payments/{id},              operator,                403",
    "GET,  /payments/{id},              operator,                404",
    "GET,  /payments/{id},              service:payments.saga,   404",
    "POST, /payments/{id}/check,        service:payments.saga,   404",
    "GET,  /somewhere-new,              service:payments.saga,   403",
  })
  void shouldAnswerOnlyTheCallersThatNeedIt(HttpMethod method, String path, String caller, int status) {
    TestIdentity.assertAnswer(http, method, path.replace("{id}", UUID.randomUUID().toString()), caller, status);
  }
}
