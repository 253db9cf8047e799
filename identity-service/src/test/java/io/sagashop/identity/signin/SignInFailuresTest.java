package io.sagashop.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * Seen in the chaos run: while PostgreSQL restarted, the provider told a customer "wrong name or
 * password", and the crowd's customer gave up on a right password. A sign-in that could not be
 * checked must say "try again shortly" instead.
 */
class SignInFailuresTest {

  private final SignInFailures failures = new SignInFailures(new SignInThrottle());

  @Test
  void shouldSendAWrongPasswordBackToTheFormWithItsError() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    failures.onAuthenticationFailure(new MockHttpServletRequest(), response, new BadCredentialsException("Bad credentials"));

    assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
  }

  @Test
  void shouldAskToTryAgainWhenTheAccountsCannotBeRead() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    failures.onAuthenticationFailure(new MockHttpServletRequest(), response, new InternalAuthenticationServiceException(
        "Unable to acquire JDBC Connection", new DataAccessResourceFailureException("Connection refused")));

    assertThat(response.getRedirectedUrl()).isEqualTo("/login?unavailable");
  }
}
