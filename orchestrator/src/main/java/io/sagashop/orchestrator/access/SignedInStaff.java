package io.sagashop.orchestrator.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Tells Cockpit, Tasklist and Admin who signed in through the identity provider ({@link
 * WebappsSignIn}): the ID token's subject, with the Camunda groups it names. Camunda's own login
 * form, and with it any password Camunda could lock, is never used. A person whose token names no
 * Camunda group (a customer) is answered 401.
 */
public class SignedInStaff extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    if (SecurityContextHolder.getContext().getAuthentication() != null
        && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof OidcUser person) {
      List<String> groups = StaffGroups.of(person.getIdToken());
      if (groups.isEmpty()) {
        // a customer who found the way here: not staff, and not a Camunda user either
        return AuthenticationResult.unsuccessful();
      }
      AuthenticationResult result = AuthenticationResult.successful(person.getSubject());
      result.setGroups(groups);
      result.setTenants(List.of());
      return result;
    }
    return AuthenticationResult.unsuccessful();
  }
}
