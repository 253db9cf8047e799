package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.load.SignIn;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sellers and operators sign into Cockpit, Tasklist and Admin through the shop's identity provider,
 * with the password it keeps, and Camunda lets each in only where their group may go. Camunda keeps
 * no password of its own, so a storm of wrong ones locks nobody out.
 */
@Tag("integration")
class CamundaSignInEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STORM = 40;
  private static final int STRANGERS = 8;
  private static LocalStack stack;
  private static SignIn signIn;
  private static URI orchestrator;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
    // Cockpit and Tasklist as the cluster publishes them: behind the entry, with the staff's affinity
    orchestrator = stack.entryUrl();
    signIn = new SignIn(stack.url(ShopService.IDENTITY), stack.entryUrl().resolve("/"));
  }

  @Test
  void shouldSignTheAdminIntoCockpitAndAdminWithTheProvidersPassword() throws Exception {
    JsonNode admin = whoIsSignedIn(signIn.intoCamunda(orchestrator, "cockpit", "admin", stack.passwords().admin()));

    assertThat(admin.path("userId").asText()).isEqualTo("admin");
    assertThat(apps(admin)).contains("cockpit", "tasklist", "admin");
  }

  @Test
  void shouldLetTheSellerIntoTasklistButNotIntoCockpitOrAdmin() throws Exception {
    JsonNode seller = whoIsSignedIn(signIn.intoCamunda(orchestrator, "tasklist", "seller", stack.passwords().seller()));

    assertThat(seller.path("userId").asText()).isEqualTo("seller");
    assertThat(apps(seller)).contains("tasklist").doesNotContain("cockpit", "admin");
  }

  @Test
  void shouldKeepACustomerOutOfTheWebapps() {
    String customer = "camunda-visitor-" + System.nanoTime();
    String password = "a-customer-password-" + System.nanoTime();
    signIn.register(customer, password);

    // signed in at the provider, but no Camunda group in the token: the webapp answers 401
    assertThat(signIn.intoCamunda(orchestrator, "tasklist", customer, password).statusCode()).isEqualTo(401);
  }

  @Test
  void shouldRefuseAWrongPasswordAtTheProvider() {
    assertThatThrownBy(() -> signIn.intoCamunda(orchestrator, "tasklist", "seller", "not-the-password"))
        .isInstanceOf(SignIn.SignInFailure.class)
        .hasMessageContaining("refused the name or password of seller");
  }

  @Test
  void shouldLeaveTheSellerAbleToSignInAfterAStormOfWrongPasswords() throws Exception {
    // Given strangers trying wrong passwords for the seller wherever a password is taken, all at once
    List<Future<String>> atTheProvider = new ArrayList<>();
    List<Future<Integer>> atCamundasLogin = new ArrayList<>();
    List<Future<Integer>> onTheEngineRestApi = new ArrayList<>();
    ExecutorService strangers = Executors.newFixedThreadPool(STRANGERS);
    try {
      for (int i = 0; i < STORM; i++) {
        String wrong = "wrong-" + i;
        atTheProvider.add(strangers.submit(() -> wrongPasswordAtTheProvider("seller", wrong)));
        atCamundasLogin.add(strangers.submit(() -> wrongPasswordAtCamundasLogin("seller", wrong)));
        onTheEngineRestApi.add(strangers.submit(() -> wrongPasswordOnTheEngineRestApi("seller", wrong)));
      }
      // none got in: the provider sends them back to its form, soon without checking the password
      // (too many wrong ones from their address for that name), Camunda's login is closed to all,
      // and the engine REST API wants a token
      List<String> backToTheForm = answers(atTheProvider);
      assertThat(backToTheForm).hasSize(STORM).allSatisfy(to -> assertThat(to).matches(".*/login\\?(error|slowdown)"));
      assertThat(backToTheForm.stream().filter(to -> to.endsWith("?slowdown")))
          .as("slowed down after five wrong passwords (a few more may be checked while the first are)")
          .hasSizeGreaterThanOrEqualTo(STORM - 5 - STRANGERS);
      assertThat(answers(atCamundasLogin)).hasSize(STORM).containsOnly(403);
      assertThat(answers(onTheEngineRestApi)).hasSize(STORM).containsOnly(401);
    } finally {
      strangers.shutdownNow();
    }

    // Then the seller, at her own address, signs in at once with the right password, and works in Tasklist
    JsonNode seller = whoIsSignedIn(signIn.intoCamunda(orchestrator, "tasklist", "seller", stack.passwords().seller()));
    assertThat(seller.path("userId").asText()).isEqualTo("seller");
    assertThat(apps(seller)).contains("tasklist");
  }

  /** The provider's sign-in form, as a stranger fills it in from an address of their own: where it sends them back to. */
  private String wrongPasswordAtTheProvider(String name, String password) throws Exception {
    FromAnotherAddress stranger = new FromAnotherAddress();
    URI login = stack.url(ShopService.IDENTITY).resolve("/login");
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(stranger.get(login).body());
    assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
    FromAnotherAddress.Answer answer = stranger.postForm(login, "username=" + name + "&password=" + password + "&_csrf=" + csrf.group(1));
    assertThat(answer.status()).isEqualTo(302);
    return answer.location();
  }

  /** Camunda's own login endpoint, which the webapps' form used to post to. */
  private int wrongPasswordAtCamundasLogin(String name, String password) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(orchestrator.resolve("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + password))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** HTTP Basic on the engine REST API, which a script could try. */
  private int wrongPasswordOnTheEngineRestApi(String name, String password) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(orchestrator.resolve("/engine-rest/task"))
        .header("Authorization", "Basic " + basic)
        .timeout(Duration.ofSeconds(20))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static <T> List<T> answers(List<Future<T>> futures) throws Exception {
    List<T> answers = new ArrayList<>();
    for (Future<T> answer : futures) {
      answers.add(answer.get());
    }
    return answers;
  }

  private static JsonNode whoIsSignedIn(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as("who is signed in, at %s: %s", answer.uri(), answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static List<String> apps(JsonNode user) {
    List<String> apps = new ArrayList<>();
    user.path("authorizedApps").forEach(app -> apps.add(app.asText()));
    return apps;
  }
}
