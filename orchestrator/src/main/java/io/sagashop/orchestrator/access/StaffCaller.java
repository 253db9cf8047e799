package io.sagashop.orchestrator.access;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who calls the engine's API, as the shop's security chains signed them in: with a bearer token
 * (the engine REST API) or a webapps session (Cockpit, Tasklist and Admin). Operators are the
 * engine's administrators; sellers work on the deposits to confirm; anybody else is nobody here.
 */
record StaffCaller(String name, List<String> groups) {

  static final StaffCaller NOBODY = new StaffCaller(null, List.of());

  static StaffCaller of(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken token) {
      return new StaffCaller(token.getName(), StaffGroups.of(token.getToken()));
    }
    if (authentication != null && authentication.getPrincipal() instanceof OidcUser person) {
      return new StaffCaller(person.getSubject(), StaffGroups.of(person.getIdToken()));
    }
    return NOBODY;
  }

  boolean isOperator() {
    return groups.contains(Groups.CAMUNDA_ADMIN);
  }

  boolean isSeller() {
    return groups.contains(StaffAuthorizations.SELLERS);
  }
}
