package io.sagashop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registering and signing in at the shop's identity provider the way the shop page does it in a
 * browser: the authorization code flow with PKCE of the public client {@code shop-page}, through the
 * provider's own sign-in form (cookies, CSRF token and all). No shortcut exists that a stranger
 * could use, so the crowd, the chaos run and the end-to-end tests take this path too.
 */
public final class SignIn {

  public static final String PAGE_CLIENT = "shop-page";
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int MAX_REDIRECTS = 10;
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI identity;
  private final URI page;

  /**
   * @param identity the provider's issuer URL
   * @param page the shop page, where the provider sends the browser back with the code
   */
  public SignIn(URI identity, URI page) {
    this.identity = identity;
    this.page = page;
  }

  /** Creates a customer's account; an account of that name that exists already is left as it is. */
  public void register(String name, String password) {
    patiently("registering " + name, () -> {
      Browser browser = new Browser();
      String csrf = browser.csrfOf(identity.resolve("/register"));
      HttpResponse<String> answer = browser.postForm(identity.resolve("/register"), form("username", name, "password", password, "_csrf", csrf));
      boolean created = answer.statusCode() == 302 && location(answer).endsWith("/login?registered");
      if (!created && !(answer.statusCode() == 200 && answer.body().contains("This name is taken"))) {
        throw new SignInFailure("registering " + name + " answered " + answer.statusCode() + " " + answer.body());
      }
      return null;
    });
  }

  /** Signs in with name and password, and returns the access token the page would hold. */
  public String accessToken(String name, String password) {
    return patiently("signing in " + name, () -> {
      Browser browser = new Browser();
      String verifier = randomCode();
      String state = randomCode();
      URI authorize = identity.resolve("/oauth2/authorize?" + form(
          "response_type", "code", "client_id", PAGE_CLIENT, "redirect_uri", page.toString(), "scope", "openid orders",
          "state", state, "code_challenge", challengeOf(verifier), "code_challenge_method", "S256"));
      HttpResponse<String> toLogin = browser.get(authorize);
      expectRedirect(toLogin, "asking to sign in");
      String csrf = browser.csrfOf(identity.resolve(location(toLogin)));
      HttpResponse<String> signedIn = browser.postForm(identity.resolve("/login"), form("username", name, "password", password, "_csrf", csrf));
      expectRedirect(signedIn, "posting the sign-in form");
      if (location(signedIn).contains("/login?unavailable")) {
        throw new Unavailable("the identity provider could not check the password of " + name + " right now");
      }
      if (location(signedIn).contains("/login?error")) {
        throw new SignInFailure("the identity provider refused the name or password of " + name);
      }
      HttpResponse<String> toPage = browser.get(identity.resolve(location(signedIn)));
      expectRedirect(toPage, "coming back to the authorization");
      String code = parameter(location(toPage), "code");
      if (!state.equals(parameter(location(toPage), "state"))) {
        throw new SignInFailure("the state came back changed: " + location(toPage));
      }
      HttpResponse<String> token = browser.postForm(identity.resolve("/oauth2/token"), form(
          "grant_type", "authorization_code", "code", code, "redirect_uri", page.toString(), "client_id", PAGE_CLIENT, "code_verifier", verifier));
      if (token.statusCode() != 200) {
        throw new SignInFailure("exchanging the code answered " + token.statusCode() + " " + token.body());
      }
      JsonNode tokens = JSON.readTree(token.body());
      return tokens.path("access_token").asText();
    });
  }

  /**
   * A seller or operator opens a Camunda webapp ({@code cockpit}, {@code tasklist}, {@code admin}),
   * is sent to the provider's sign-in form, signs in there and comes back signed in, as in a
   * browser. Returns what the webapps then know of them: Camunda's answer to "who is signed in"
   * ({@code userId}, {@code authorizedApps}), or the status the webapp answered instead.
   */
  public HttpResponse<String> intoCamunda(URI orchestrator, String app, String name, String password) {
    return patiently("signing " + name + " into " + app, () -> {
      Browser browser = new Browser();
      URI next = orchestrator.resolve("/camunda/app/" + app + "/default/");
      for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
        HttpResponse<String> answer = browser.get(next);
        if (answer.statusCode() != 302) {
          if (answer.statusCode() != 200) {
            return answer;
          }
          return browser.get(orchestrator.resolve("/camunda/api/admin/auth/user/default"));
        }
        next = next.resolve(location(answer));
        if (next.getPath().equals("/login") && next.getAuthority().equals(identity.getAuthority())) {
          String csrf = browser.csrfOf(next);
          HttpResponse<String> signedIn = browser.postForm(next, form("username", name, "password", password, "_csrf", csrf));
          expectRedirect(signedIn, "posting the sign-in form");
          if (location(signedIn).contains("/login?unavailable")) {
        throw new Unavailable("the identity provider could not check the password of " + name + " right now");
      }
      if (location(signedIn).contains("/login?error")) {
            throw new SignInFailure("the identity provider refused the name or password of " + name);
          }
          next = next.resolve(location(signedIn));
        }
      }
      throw new SignInFailure("signing into " + app + " went round in circles, last at " + next);
    });
  }

  /** The identity provider restarting, or busy: try again for a while, as a person would. */
  private <T> T patiently(String what, Step<T> step) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      try {
        return step.run();
      } catch (IOException | Unavailable e) {
        if (Instant.now().isAfter(deadline)) {
          throw new SignInFailure(what + " failed for " + PATIENCE.toSeconds() + " s: " + e.getMessage());
        }
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SignInFailure("interrupted while " + what);
      }
    }
  }

  private interface Step<T> {
    T run() throws IOException, InterruptedException;
  }

  /** One browser: its own cookies (the provider's session), no automatic redirects. */
  private static final class Browser {

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      // what Chromium asks for a page: a sign-in redirect, where an API client would get a 401 (and
      // no JSON in it, or Spring Security does not remember the page to come back to)
      return checked(http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> postForm(URI uri, String form) throws IOException, InterruptedException {
      return checked(http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    String csrfOf(URI formPage) throws IOException, InterruptedException {
      HttpResponse<String> answer = get(formPage);
      Matcher token = CSRF.matcher(answer.body());
      if (answer.statusCode() != 200 || !token.find()) {
        throw new SignInFailure(formPage + " answered " + answer.statusCode() + " without a form to fill in");
      }
      return token.group(1);
    }

    private static HttpResponse<String> checked(HttpResponse<String> answer) {
      if (answer.statusCode() >= 500) {
        throw new Unavailable(answer.request().uri() + " answered " + answer.statusCode());
      }
      return answer;
    }
  }

  private static void expectRedirect(HttpResponse<String> answer, String step) {
    if (answer.statusCode() != 302 || answer.headers().firstValue("Location").isEmpty()) {
      throw new SignInFailure(step + " answered " + answer.statusCode() + " " + answer.body());
    }
  }

  private static String location(HttpResponse<String> answer) {
    return answer.headers().firstValue("Location").orElse("");
  }

  private static String parameter(String url, String name) {
    Matcher value = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
    if (!value.find()) {
      throw new SignInFailure("no " + name + " in " + url);
    }
    return java.net.URLDecoder.decode(value.group(1), StandardCharsets.UTF_8);
  }

  private static String form(String... namesAndValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return form.toString();
  }

  private static String randomCode() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challengeOf(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signing in did not work, and trying again would not help. */
  public static final class SignInFailure extends RuntimeException {
    SignInFailure(String message) {
      super(message);
    }
  }

  /** The provider answered 5xx: worth trying again. */
  private static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }
}
