package io.sagashop.orchestrator.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.CamundaWebappLogin;
import io.sagashop.testsupport.ServiceIntegrationTest;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

@ServiceIntegrationTest
class CamundaAccessTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @LocalServerPort int port;

  @Test
  void shouldRefuseAnonymousCallsToTheEngineRestApi() {
    assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldAnswerTheAdminOnTheEngineRestApi() {
    var response =
        http.withBasicAuth("admin", "admin-test-secret").getForEntity("/engine-rest/process-definition?key=order-saga", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"key\":\"order-saga\"");
  }

  @Test
  void shouldRefuseAWrongPasswordOnTheEngineRestApi() {
    assertThat(http.withBasicAuth("admin", "admin").getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldLetTheAdminIntoCockpitAndAdmin() {
    assertThat(CamundaWebappLogin.login(orchestrator(), "cockpit", "admin", "admin-test-secret").statusCode()).isEqualTo(200);
    assertThat(CamundaWebappLogin.login(orchestrator(), "admin", "admin", "admin-test-secret").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLetTheSellerIntoTasklistOnly() {
    assertThat(CamundaWebappLogin.login(orchestrator(), "tasklist", "seller", "seller-test-secret").statusCode()).isEqualTo(200);
    assertThat(CamundaWebappLogin.login(orchestrator(), "cockpit", "seller", "seller-test-secret").statusCode()).isEqualTo(403);
    assertThat(CamundaWebappLogin.login(orchestrator(), "admin", "seller", "seller-test-secret").statusCode()).isEqualTo(403);
  }

  @Test
  void shouldPutTheSellerInTheSellersGroupAndTheAdminInCamundaAdmin() {
    assertThat(identity.createUserQuery().userId("seller").memberOfGroup(ShopUsers.SELLERS).count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
    assertThat(identity.checkPassword("seller", "seller")).isFalse();
    assertThat(identity.checkPassword("admin", "admin")).isFalse();
  }

  private URI orchestrator() {
    return URI.create("http://localhost:" + port);
  }
}
