package io.sagashop.identity.signin;

import io.sagashop.identity.IdentityProperties;
import io.sagashop.identity.IdentityProperties.StaffAccount;
import io.sagashop.identity.account.Accounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
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
 * A staff member's ID token also names them ({@code given_name}, {@code family_name}, {@code name}, as
 * OpenID Connect's standard claims), so that Tasklist and Cockpit greet them by name.
 * A service's token (client credentials) has neither, only the scopes of the steps it may call.
 * Every access token, a person's or a service's, also names the shop among its audiences ({@code
 * "aud"}: {@value #SHOP_AUDIENCE}, next to the client it was issued to): the services accept no
 * token without it, so a token a provider issued for another application is worth nothing here.
 */
@Configuration(proxyBeanMethods = false)
class PersonClaims {

  /** The audience every service of the shop expects (their {@code SAGASHOP_IDENTITY_AUDIENCE}). */
  static final String SHOP_AUDIENCE = "sagashop";
  static final String ROLES = "roles";
  static final String GROUPS = "groups";
  private static final String ROLE_PREFIX = "ROLE_";

  private final IdentityProperties identity;

  PersonClaims(IdentityProperties identity) {
    this.identity = identity;
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claimsOfPeople() {
    return context -> {
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        context.getClaims().claims(claims -> claims.put(JwtClaimNames.AUD, withShop(claims.get(JwtClaimNames.AUD))));
      }
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
      if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        staffNamed(person.getName()).ifPresent(staff -> nameIn(context, staff));
      }
    };
  }

  private Optional<StaffAccount> staffNamed(String username) {
    return identity.staff().stream().filter(staff -> staff.username().equals(username)).findFirst();
  }

  private static void nameIn(JwtEncodingContext context, StaffAccount staff) {
    List<String> parts = new ArrayList<>();
    if (staff.givenName() != null && !staff.givenName().isBlank()) {
      context.getClaims().claim(StandardClaimNames.GIVEN_NAME, staff.givenName());
      parts.add(staff.givenName());
    }
    if (staff.familyName() != null && !staff.familyName().isBlank()) {
      context.getClaims().claim(StandardClaimNames.FAMILY_NAME, staff.familyName());
      parts.add(staff.familyName());
    }
    if (!parts.isEmpty()) {
      context.getClaims().claim(StandardClaimNames.NAME, String.join(" ", parts));
    }
  }

  /** The client's audience, and the shop's; an ArrayList for the same reason as below. */
  private static List<String> withShop(Object audience) {
    List<String> audiences = new ArrayList<>();
    if (audience instanceof Collection<?> named) {
      named.forEach(one -> audiences.add(String.valueOf(one)));
    } else if (audience != null) {
      audiences.add(audience.toString());
    }
    if (!audiences.contains(SHOP_AUDIENCE)) {
      audiences.add(SHOP_AUDIENCE);
    }
    return audiences;
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
