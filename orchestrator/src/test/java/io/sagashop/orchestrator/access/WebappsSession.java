package io.sagashop.orchestrator.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.TestIdentity;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A person signed into Cockpit, Tasklist and Admin as a browser is: through the provider's sign-in
 * (the test provider signs the named person in at once), with the session's cookie and the
 * webapps' CSRF token ({@code X-XSRF-TOKEN}) that their script sends with every change.
 */
final class WebappsSession {

  private final HttpClient browser;
  private final URI orchestrator;
  private final String csrfToken;

  private WebappsSession(HttpClient browser, URI orchestrator, String csrfToken) {
    this.browser = browser;
    this.orchestrator = orchestrator;
    this.csrfToken = csrfToken;
  }

  static WebappsSession signIn(int port, String person) throws IOException, InterruptedException {
    URI orchestrator = URI.create("http://localhost:" + port);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> toProvider = send(browser, HttpRequest.newBuilder(orchestrator.resolve("/oauth2/authorization/webapps")).GET());
    String authorization = toProvider.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(TestIdentity.signInAs(authorization, person))).GET());
    HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(back.headers().firstValue("Location").orElseThrow())).GET());
    assertThat(signedIn.statusCode()).as("the sign-in callback: %s", signedIn.body()).isEqualTo(302);
    HttpResponse<String> user = send(browser, HttpRequest.newBuilder(orchestrator.resolve("/camunda/api/admin/auth/user/default")).GET());
    return new WebappsSession(browser, orchestrator, user.headers().firstValue("X-XSRF-TOKEN").orElse(""));
  }

  /** A call as the webapps' script makes it: JSON, the session's cookie and its CSRF token. */
  HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(orchestrator.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("X-XSRF-TOKEN", csrfToken)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return send(browser, request);
  }

  private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) throws IOException, InterruptedException {
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
