package io.sagashop.identity.signin;

import io.sagashop.identity.account.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What a person is to the shop, in their tokens:
 * <ul>
 *   <li>{@code "roles"} in the access token ({@code CUSTOMER}, {@code SELLER}, {@code OPERATOR}):
 *       the services authorize by it;
 *   <li>{@code "groups"} in the access and the ID token, for staff only ({@code sellers},
 *       {@code camunda-admin}): the Camunda webapps and engine REST API take a person's Camunda
 *       groups from it, so Camunda keeps no users or passwords of its own.
 * </ul>
 * A service's token (client credentials) has neither, only the scopes of the steps it may call.
 */
@Configuration(proxyBeanMethods = false)
class PersonClaims {

  static final String ROLES = "roles";
  static final String GROUPS = "groups";
  private static final String ROLE_PREFIX = "ROLE_";

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claimsOfPeople() {
    return context -> {
      if (!(context.getPrincipal() instanceof UsernamePasswordAuthenticationToken person)) {
        return;
      }
      List<String> groups = withPrefix(person, Accounts.GROUP_PREFIX);
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        context.getClaims().claim(ROLES, withPrefix(person, ROLE_PREFIX));
      }
      boolean accessOrIdToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
          || OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
      if (accessOrIdToken && !groups.isEmpty()) {
        context.getClaims().claim(GROUPS, groups);
      }
    };
  }

  /**
   * An ArrayList, not Stream.toList(): the claims are stored with the authorization as JSON, and
   * Spring Security's allowlist refuses to read an immutable JDK list back, which broke every
   * later lookup of the authorization (the page's sign-out at /connect/logout answered 400).
   */
  private static List<String> withPrefix(Authentication person, String prefix) {
    return person.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(prefix))
        .map(authority -> authority.substring(prefix.length()))
        .sorted()
        .collect(Collectors.toCollection(ArrayList::new));
  }
}
