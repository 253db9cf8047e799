package io.sagashop.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What a token allows: its scopes ({@code SCOPE_payments.saga}, for a service) and the roles of the
 * person it was issued to ({@code ROLE_CUSTOMER}, {@code ROLE_SELLER}, {@code ROLE_OPERATOR}). The
 * subject is the customer's id everywhere in the shop.
 */
public final class ShopTokenAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

  public static final String ROLES_CLAIM = "roles";

  private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

  @Override
  public AbstractAuthenticationToken convert(Jwt token) {
    Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(token));
    List<String> roles = token.hasClaim(ROLES_CLAIM) ? token.getClaimAsStringList(ROLES_CLAIM) : List.of();
    roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
    return new JwtAuthenticationToken(token, authorities, token.getSubject());
  }
}
