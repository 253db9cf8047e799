package io.sagashop.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.sagashop.platform.web.DependencyUnavailableException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 in the shop's problem+json, with the {@code WWW-Authenticate} header that RFC 6750
 * asks for (why the token was refused), so a client learns both what to do and why; and 503 with
 * Retry-After when the token could not be checked because the identity provider is down.
 */
final class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
  private final ObjectMapper json;

  ProblemAnswers(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
    bearerEntryPoint.commence(request, response, failure);
    write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
        "This needs a valid access token of the shop's identity provider (Authorization: Bearer ...).", "unauthenticated", request);
  }

  /** A bearer token that could not be checked: refused (401), or not checkable now (503). */
  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (!(failure instanceof AuthenticationServiceException)) {
      commence(request, response, failure);
      return;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, DependencyUnavailableException.RETRY_AFTER_SECONDS);
    write(response, HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
        "The token cannot be checked right now: the shop's identity provider cannot be reached. Please try again shortly.",
        "identity-provider-unavailable", request);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
    bearerDenied.handle(request, response, denied);
    write(response, HttpStatus.FORBIDDEN, "Not allowed",
        "The token is valid, but not for this: it lacks the role or scope this endpoint needs.", "forbidden", request);
  }

  private void write(HttpServletResponse response, HttpStatus status, String title, String detail, String type, HttpServletRequest request)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("/problems/" + type));
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
