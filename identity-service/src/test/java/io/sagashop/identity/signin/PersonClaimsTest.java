package io.sagashop.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.identity.IdentityProperties;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.security.jackson2.SecurityJackson2Modules;
import org.springframework.security.oauth2.server.authorization.jackson2.OAuth2AuthorizationServerJackson2Module;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * The services authorize a person by the roles in their access token, and Cockpit and Tasklist by
 * the groups in their ID token and access token: a seller must arrive in Tasklist as a member of
 * {@code sellers}, a customer must arrive with no Camunda group at all.
 */
class PersonClaimsTest {

  private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType("id_token");

  private final PersonClaims claims = new PersonClaims(new IdentityProperties("classpath:key.pem", List.of(), List.of(
      new IdentityProperties.StaffAccount("seller", "a long password", "SELLER", List.of("sellers"), "Sam", "Oak"),
      new IdentityProperties.StaffAccount("admin", "another long one", "OPERATOR", List.of("camunda-admin"), null, null))));

  @Test
  void shouldPutTheSellersRoleAndGroupInTheAccessToken() {
    Map<String, Object> access = claimsOf(person("seller", "ROLE_SELLER", "GROUP_sellers"), OAuth2TokenType.ACCESS_TOKEN);

    assertThat(access).containsEntry("roles", List.of("SELLER")).containsEntry("groups", List.of("sellers"));
  }

  @Test
  void shouldPutTheGroupsButNotTheRolesInTheIdTokenTheWebappsSignInWith() {
    Map<String, Object> id = claimsOf(person("admin", "ROLE_OPERATOR", "GROUP_camunda-admin"), ID_TOKEN);

    assertThat(id).containsEntry("groups", List.of("camunda-admin")).doesNotContainKey("roles");
  }

  @Test
  void shouldNameAStaffMemberInTheIdTokenSoThatTasklistGreetsThemByName() {
    assertThat(claimsOf(person("seller", "ROLE_SELLER", "GROUP_sellers"), ID_TOKEN))
        .containsEntry("given_name", "Sam").containsEntry("family_name", "Oak").containsEntry("name", "Sam Oak");
    // no name configured, and a customer: no name claims at all
    assertThat(claimsOf(person("admin", "ROLE_OPERATOR", "GROUP_camunda-admin"), ID_TOKEN)).doesNotContainKeys("given_name", "family_name", "name");
    assertThat(claimsOf(person("alice", "ROLE_CUSTOMER"), ID_TOKEN)).doesNotContainKeys("given_name", "family_name", "name");
    assertThat(claimsOf(person("seller", "ROLE_SELLER", "GROUP_sellers"), OAuth2TokenType.ACCESS_TOKEN)).doesNotContainKey("name");
  }

  @Test
  void shouldGiveACustomerNoCamundaGroup() {
    assertThat(claimsOf(person("alice", "ROLE_CUSTOMER"), ID_TOKEN)).doesNotContainKey("groups");
    assertThat(claimsOf(person("alice", "ROLE_CUSTOMER"), OAuth2TokenType.ACCESS_TOKEN))
        .containsEntry("roles", List.of("CUSTOMER")).doesNotContainKey("groups");
  }

  @Test
  void shouldNameTheShopAmongTheAudiencesOfEveryAccessTokenButLeaveTheIdTokenToItsClient() {
    // a person's token, issued to the page, and a service's (client credentials: no person)
    assertThat(claimsOf(person("alice", "ROLE_CUSTOMER"), OAuth2TokenType.ACCESS_TOKEN, "shop-page"))
        .containsEntry("aud", List.of("shop-page", "sagashop"));
    assertThat(claimsOf(null, OAuth2TokenType.ACCESS_TOKEN, "orchestrator")).containsEntry("aud", List.of("orchestrator", "sagashop"));
    assertThat(claimsOf(person("seller", "ROLE_SELLER", "GROUP_sellers"), ID_TOKEN, "orchestrator")).containsEntry("aud", List.of("orchestrator"));
  }

  /** The claims are kept with the authorization; signing out looks it up again and must read them back. */
  @Test
  void shouldGiveClaimsTheAuthorizationStoreCanReadBack() throws Exception {
    ObjectMapper store = new ObjectMapper();
    store.registerModules(SecurityJackson2Modules.getModules(getClass().getClassLoader()));
    store.registerModule(new OAuth2AuthorizationServerJackson2Module());
    for (OAuth2TokenType type : List.of(OAuth2TokenType.ACCESS_TOKEN, ID_TOKEN)) {
      Map<String, Object> stored = new HashMap<>(claimsOf(person("seller", "ROLE_SELLER", "GROUP_sellers"), type));
      stored.remove("sub");
      // the ID token's audience is the provider's own list, as it made it; the access token's is ours
      if (type.equals(ID_TOKEN)) {
        stored.remove("aud");
      }

      assertThat(store.readValue(store.writeValueAsString(stored), new TypeReference<Map<String, Object>>() {})).isEqualTo(stored);
    }
  }

  private Map<String, Object> claimsOf(Authentication person, OAuth2TokenType type) {
    return claimsOf(person, type, "shop-page");
  }

  /** The claims of a token issued to this client, as the provider's token generator starts them, after the customizer. */
  private Map<String, Object> claimsOf(Authentication person, OAuth2TokenType type, String client) {
    Authentication principal = person == null ? new TestingAuthenticationToken(client, null) : person;
    JwtClaimsSet.Builder tokenClaims = JwtClaimsSet.builder().subject(principal.getName()).audience(List.of(client));
    JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), tokenClaims)
        .principal(principal)
        .tokenType(type)
        .build();
    claims.claimsOfPeople().customize(context);
    return tokenClaims.build().getClaims();
  }

  private static Authentication person(String name, String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.createAuthorityList(authorities));
  }
}
