package io.sagashop.identity.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A person's access token says what they are to the shop ({@code "roles": ["CUSTOMER"]}, SELLER,
 * OPERATOR); the services authorize by it. A service's token (client credentials) has no roles,
 * only the scopes of the steps it may call.
 */
@Configuration(proxyBeanMethods = false)
class RolesClaim {

  static final String CLAIM = "roles";
  private static final String PREFIX = "ROLE_";

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> rolesInAccessTokens() {
    return context -> {
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
          && context.getPrincipal() instanceof UsernamePasswordAuthenticationToken person) {
        context.getClaims().claim(CLAIM, person.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith(PREFIX))
            .map(authority -> authority.substring(PREFIX.length()))
            .sorted()
            .toList());
      }
    };
  }
}
