package io.sagashop.identity.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A wrong name or password goes back to the form with "Wrong name or password"; a sign-in that
 * failed because the accounts could not be read (the database restarting) goes back with "try again
 * shortly" instead, since the password may well be right. Told apart, a person (or a script) knows
 * whether to retype or to wait. A wrong password has used up its attempt of the {@link SignInThrottle};
 * one that could not be checked gets it back.
 */
class SignInFailures extends SimpleUrlAuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);

  private final SignInThrottle throttle;

  SignInFailures(SignInThrottle throttle) {
    super("/login?error");
    this.throttle = throttle;
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException, ServletException {
    if (failure instanceof InternalAuthenticationServiceException) {
      log.warn("A sign-in could not be checked: {}", failure.getMessage());
      throttle.notChecked(request);
      getRedirectStrategy().sendRedirect(request, response, "/login?unavailable");
      return;
    }
    super.onAuthenticationFailure(request, response, failure);
  }
}
