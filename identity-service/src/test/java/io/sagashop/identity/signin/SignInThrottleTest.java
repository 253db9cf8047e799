package io.sagashop.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * Password guesses are slowed per (address, name): a stranger who storms the seller's name is held
 * back, however fast and however the name is written, while the seller at her own address, and other
 * names at the stranger's, go on as before.
 */
class SignInThrottleTest {

  private static final String STRANGER = "203.0.113.7";
  private static final String SELLERS_DESK = "198.51.100.2";

  private final SignInThrottle throttle = new SignInThrottle();
  private final SignInFailures failures = new SignInFailures(throttle);

  @Test
  void shouldSlowAStrangerDownAfterFiveAttemptsForOneNameHoweverItIsWritten() throws Exception {
    for (int i = 0; i < SignInThrottle.ATTEMPTS; i++) {
      assertThat(tryToSignIn(STRANGER, "seller")).as("attempt %d is checked", i + 1).isNull();
    }

    assertThat(tryToSignIn(STRANGER, "seller")).isEqualTo("/login?slowdown");
    for (String lookAlike : List.of(" SELLER ", "Seller.", "s-e-l-l-e-r", "ｓｅｌｌｅｒ")) {
      assertThat(tryToSignIn(STRANGER, lookAlike)).as("the same name written as %s", lookAlike).isEqualTo("/login?slowdown");
    }
    assertThat(tryToSignIn(SELLERS_DESK, "seller")).as("the seller at her desk").isNull();
    assertThat(tryToSignIn(STRANGER, "admin")).as("another name").isNull();
  }

  @Test
  void shouldGiveABurstOfParallelGuessesNoMoreChecksThanASlowGuesser() throws Exception {
    // 40 guesses at once: before, none had failed yet when each was let through, and all reached the password check
    ExecutorService guessers = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> burst = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        burst.add(() -> tryToSignIn(STRANGER, "seller"));
      }
      long checked = 0;
      for (Future<String> guess : guessers.invokeAll(burst)) {
        checked += guess.get() == null ? 1 : 0;
      }

      assertThat(checked).isEqualTo(SignInThrottle.ATTEMPTS);
    } finally {
      guessers.shutdownNow();
    }
  }

  @Test
  void shouldGiveTheAttemptsBackOnceTheRightPasswordCame() throws Exception {
    for (int i = 0; i < SignInThrottle.ATTEMPTS - 1; i++) {
      tryToSignIn(SELLERS_DESK, "seller");
    }
    throttle.signedIn(signIn(SELLERS_DESK, "seller"));

    for (int i = 0; i < SignInThrottle.ATTEMPTS; i++) {
      assertThat(tryToSignIn(SELLERS_DESK, "seller")).as("attempt %d after signing in", i + 1).isNull();
    }
  }

  @Test
  void shouldNotCountAnAttemptWhosePasswordCouldNotBeChecked() throws Exception {
    // the accounts' database restarting: the seller's password may well be right
    for (int i = 0; i < SignInThrottle.ATTEMPTS * 2; i++) {
      assertThat(tryToSignIn(SELLERS_DESK, "seller")).as("attempt %d", i + 1).isNull();
      failures.onAuthenticationFailure(signIn(SELLERS_DESK, "seller"), new MockHttpServletResponse(),
          new InternalAuthenticationServiceException("database restarting"));
    }
  }

  @Test
  void shouldLeaveEveryOtherRequestAlone() throws Exception {
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
    page.setServletPath("/login");
    page.setRemoteAddr(STRANGER);
    MockFilterChain chain = new MockFilterChain();

    throttle.doFilter(page, new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isSameAs(page);
  }

  /** Where the throttle sends the form: null when it lets the password be checked. */
  private String tryToSignIn(String address, String name) throws Exception {
    MockHttpServletRequest request = signIn(address, name);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    throttle.doFilter(request, response, chain);
    return chain.getRequest() == null ? response.getRedirectedUrl() : null;
  }

  private static MockHttpServletRequest signIn(String address, String name) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
    request.setServletPath("/login");
    request.setRemoteAddr(address);
    request.setParameter("username", name);
    request.setParameter("password", "wrong");
    return request;
  }
}
