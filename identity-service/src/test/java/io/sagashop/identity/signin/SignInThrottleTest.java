package io.sagashop.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Wrong passwords are slowed per (address, name): a stranger who storms the seller's name is held
 * back, while the seller at her own address, and other names at the stranger's, go on as before.
 */
class SignInThrottleTest {

  private static final String STRANGER = "203.0.113.7";
  private static final String SELLERS_DESK = "198.51.100.2";

  private final SignInThrottle throttle = new SignInThrottle();
  private final SignInFailures failures = new SignInFailures(throttle);

  @Test
  void shouldSlowAStrangerDownAfterFiveWrongPasswordsForOneName() throws Exception {
    for (int i = 0; i < SignInThrottle.ATTEMPTS; i++) {
      assertThat(tryToSignIn(STRANGER, "seller")).as("attempt %d is checked", i + 1).isNull();
      failures.onAuthenticationFailure(signIn(STRANGER, "seller"), new MockHttpServletResponse(), new BadCredentialsException("Bad credentials"));
    }

    assertThat(tryToSignIn(STRANGER, "seller")).isEqualTo("/login?slowdown");
    assertThat(tryToSignIn(STRANGER, " SELLER ")).as("the same name written otherwise").isEqualTo("/login?slowdown");
    assertThat(tryToSignIn(SELLERS_DESK, "seller")).as("the seller at her desk").isNull();
    assertThat(tryToSignIn(STRANGER, "admin")).as("another name").isNull();
  }

  @Test
  void shouldForgetTheWrongPasswordsOfAnAddressAndNameOnceTheRightOneCame() throws Exception {
    for (int i = 0; i < SignInThrottle.ATTEMPTS - 1; i++) {
      throttle.wrongPassword(signIn(SELLERS_DESK, "seller"));
    }
    throttle.signedIn(signIn(SELLERS_DESK, "seller"));
    throttle.wrongPassword(signIn(SELLERS_DESK, "seller"));

    assertThat(tryToSignIn(SELLERS_DESK, "seller")).isNull();
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
