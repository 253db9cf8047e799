package io.sagashop.orchestrator.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sellers and operators reach Camunda with the shop's identity provider only: the engine REST API
 * with their token, the webapps through the provider's sign-in; Camunda's own password login, and
 * its setup page that creates a first administrator, are closed. The full sign-in into Tasklist
 * runs end to end against the real provider (CamundaSignInEndToEndTest, TasklistBrowserTest).
 */
@ServiceIntegrationTest
class CamundaAccessTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired StaffMirror staff;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @ParameterizedTest(name = "GET /engine-rest/process-definition?key=order-saga as {0}: {1}")
  @CsvSource({
    "anonymous,             401",
    "foreign,               401",
    "other-application,      401",
    "customer,              403",
    "service:orders.saga,   403",
  })
  void shouldAnswerTheEngineRestApiToStaffTokensOnly(String caller, int status) {
    TestIdentity.assertAnswer(http, HttpMethod.GET, "/engine-rest/process-definition?key=order-saga", caller, status);
  }

  @Test
  void shouldLetTheOperatorSeeTheSagaOnTheEngineRestApiByTheGroupInTheirToken() {
    ResponseEntity<String> answer = TestIdentity.call(http, HttpMethod.GET, "/engine-rest/process-definition?key=order-saga",
        TestIdentity.caller("operator"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).contains("\"key\":\"order-saga\"");
  }

  @Test
  void shouldShowASellerOnlyWhatTheSellersGroupMaySee() {
    // the sellers may read the saga's definition (to work on its tasks), and no deployment is one of their calls
    assertThat(TestIdentity.call(http, HttpMethod.GET, "/engine-rest/process-definition?key=order-saga", TestIdentity.caller("seller")).getBody())
        .contains("\"key\":\"order-saga\"");
    assertThat(TestIdentity.call(http, HttpMethod.GET, "/engine-rest/deployment", TestIdentity.caller("seller")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // a staff token without a Camunda group is nobody to the engine
    String sellerWithoutGroup = TestIdentity.staffWithoutGroups("seller", "SELLER");
    assertThat(TestIdentity.call(http, HttpMethod.GET, "/engine-rest/process-definition?key=order-saga", sellerWithoutGroup).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldSendAnAnonymousVisitorOfTasklistToTheIdentityProvider() throws Exception {
    HttpResponse<String> tasklist = browse("GET", "/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(302);
    assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(URI.create(location)).hasPath("/oauth2/authorization/webapps"));

    HttpResponse<String> signIn = browse("GET", "/oauth2/authorization/webapps");
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
        .startsWith(TestIdentity.authorizationEndpoint() + "?")
        .contains("client_id=orchestrator", "scope=openid", "redirect_uri="));
  }

  @Test
  void shouldKeepTheWebappsSessionCookieToTheShopsOwnSite() throws Exception {
    // another site's form or script must not carry a staff member's session (a cross-site sign-out, say)
    HttpResponse<String> signIn = browse("GET", "/oauth2/authorization/webapps");

    assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
        .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
  }

  @Test
  void shouldCloseCamundasOwnPasswordLoginAndItsSetupPage() {
    // what the webapps' script posts (JSON expected back): refused to everyone before Camunda checks any password
    for (String path : List.of("/camunda/api/admin/auth/user/default/login/tasklist", "/camunda/api/admin/setup/default/user/create")) {
      HttpHeaders headers = new HttpHeaders();
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      ResponseEntity<String> answer =
          http.exchange(path, HttpMethod.POST, new HttpEntity<>("username=seller&password=wrong", headers), String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      // refused by the webapps' sign-in, which has no bearer tokens (not by the API's chain)
      assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).isNull();
    }
  }

  @Test
  void shouldMirrorAStaffMembersGroupsFromTheirTokenAtEachSignIn() {
    staff.mirror("mirrored-seller", "Sam", "Oak", List.of("sellers"));
    assertThat(groupsOf("mirrored-seller")).containsExactly("sellers");

    // promoted by the identity provider, then no longer a seller
    staff.mirror("mirrored-seller", "Sam", "Oak", List.of("sellers", Groups.CAMUNDA_ADMIN));
    assertThat(groupsOf("mirrored-seller")).containsExactlyInAnyOrder("sellers", Groups.CAMUNDA_ADMIN);
    staff.mirror("mirrored-seller", "Sam", "Oak", List.of(Groups.CAMUNDA_ADMIN));
    assertThat(groupsOf("mirrored-seller")).containsExactly(Groups.CAMUNDA_ADMIN);
    // and Camunda holds no password for them that a storm of wrong ones could lock
    assertThat(jdbc.queryForObject("SELECT pwd_ FROM act_id_user WHERE id_ = 'mirrored-seller'", String.class)).isNull();
  }

  @Test
  void shouldNameAStaffMemberAsTheirTokenDoesAndByTheirIdWithoutOne() {
    staff.mirror("named-seller", "Sam", "Oak", List.of("sellers"));
    assertThat(nameOf("named-seller")).containsExactly("Sam", "Oak");

    // renamed at the identity provider
    staff.mirror("named-seller", "Samantha", "Oak", List.of("sellers"));
    assertThat(nameOf("named-seller")).containsExactly("Samantha", "Oak");

    // no name in the token: Tasklist greets them by their id, not as "null null"
    staff.mirror("nameless-seller", null, null, List.of("sellers"));
    assertThat(nameOf("nameless-seller")).containsExactly("nameless-seller", null);
  }

  private List<String> nameOf(String userId) {
    var user = identity.createUserQuery().userId(userId).singleResult();
    return java.util.Arrays.asList(user.getFirstName(), user.getLastName());
  }

  /** As a browser does: HTML wanted, redirects not followed. */
  /** Camunda's "Log out" leads here (sagashop/sign-out.js); with nobody signed in, back to the webapps. */
  @Test
  void shouldAnswerASignOutWithTheWayBackToTheWebapps() throws Exception {
    HttpResponse<String> answer = browse("POST", "/camunda/sign-out");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"location\":\"/camunda/app/\"}");
  }

  @Test
  void shouldLoadTheSignOutScriptIntoEveryWebapp() throws Exception {
    for (String app : List.of("cockpit", "tasklist", "admin", "welcome")) {
      String config = new String(getClass().getResourceAsStream("/META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js").readAllBytes());
      assertThat(config).as(app).contains("customScripts: ['../sagashop/sign-out']");
    }
  }

  private HttpResponse<String> browse(String method, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldHaveAnAdministratorFromTheStartSoThatNobodyLandsOnCamundasSetupPage() {
    // Camunda's webapps send everyone to "create the first administrator" while camunda-admin has no member
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isPositive();
    assertThat(jdbc.queryForObject("SELECT pwd_ FROM act_id_user WHERE id_ = ?", String.class, StaffAuthorizations.ADMINISTRATOR_MARKER))
        .as("nobody can sign in as it").isNull();
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
