package io.sagashop.orchestrator.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * After the orchestrator's session has ended ({@code POST /camunda/sign-out}, from the webapps'
 * script {@code sagashop/sign-out.js}): answers where the browser goes next, the provider's
 * end-session endpoint (from its discovery document) with the person's ID token, which brings them
 * back to the webapps. In JSON, not as a redirect: the script reads it with {@code fetch} and
 * navigates, since the webapps' Content-Security-Policy allows forms to post to this origin only.
 * Without a known end-session endpoint (a provider that offers none), back to the webapps.
 */
final class WebappsSignOut extends OidcClientInitiatedLogoutSuccessHandler {

  static final String PATH = "/camunda/sign-out";
  private static final String WEBAPPS = "/camunda/app/";

  private final ObjectMapper json = new ObjectMapper();

  WebappsSignOut(ClientRegistrationRepository registrations) {
    super(registrations);
    setPostLogoutRedirectUri("{baseUrl}" + WEBAPPS);
    setDefaultTargetUrl(WEBAPPS);
  }

  @Override
  public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication person) throws IOException {
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Map.of("location", determineTargetUrl(request, response, person)));
  }
}
