package io.sagashop.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Logs into a Camunda webapp the way the browser does: open the app to get a session and its CSRF
 * token, then post the credentials to the webapp's login endpoint with that token.
 */
public final class CamundaWebappLogin {

  private CamundaWebappLogin() {}

  /** The HTTP status of the login: 200 when the user may use the app, 401/403 otherwise. */
  public static HttpResponse<String> login(URI orchestrator, String app, String user, String password) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    try {
      browser.send(
          HttpRequest.newBuilder(orchestrator.resolve("/camunda/app/" + app + "/default/")).build(),
          HttpResponse.BodyHandlers.discarding());
      String csrfToken =
          ((CookieManager) browser.cookieHandler().orElseThrow())
              .getCookieStore().getCookies().stream()
                  .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                  .map(HttpCookie::getValue)
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("The " + app + " page set no XSRF-TOKEN cookie"));
      String form =
          "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      return browser.send(
          HttpRequest.newBuilder(orchestrator.resolve("/camunda/api/admin/auth/user/default/login/" + app))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("X-XSRF-TOKEN", csrfToken)
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("Cannot reach " + orchestrator + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }
}
