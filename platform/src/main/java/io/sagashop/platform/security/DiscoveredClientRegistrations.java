package io.sagashop.platform.security;

import io.sagashop.platform.web.DependencyUnavailableException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties.Provider;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClientException;

/**
 * A service's own OAuth2 clients (client credentials for its calls, the orchestrator's staff
 * sign-in), their endpoints found from the issuer URL alone by OpenID Connect discovery, as with
 * any provider (Keycloak puts them under {@code /realms/<realm>/protocol/openid-connect/}).
 *
 * <p>Discovery happens on first use, not at start-up as Spring Boot does it, and is tried again
 * until it succeeds: a service must start, and come back after a crash, while the provider is
 * down. A provider whose endpoints the configuration names (an overlay pointing at addresses inside
 * the cluster) is taken as configured. Every registration knows the issuer, which an ID token's
 * {@code iss} must match.
 */
public final class DiscoveredClientRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

  private final SingletonSupplier<Map<String, ClientRegistration>> registrations;

  DiscoveredClientRegistrations(OAuth2ClientProperties configured, String issuer) {
    this.registrations = SingletonSupplier.of(() -> discover(configured, issuer));
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    return registrations.obtain().get(registrationId);
  }

  @Override
  public Iterator<ClientRegistration> iterator() {
    return registrations.obtain().values().iterator();
  }

  private static Map<String, ClientRegistration> discover(OAuth2ClientProperties configured, String issuer) {
    OAuth2ClientProperties properties = new OAuth2ClientProperties();
    properties.getRegistration().putAll(configured.getRegistration());
    configured.getRegistration().forEach((id, registration) -> {
      String name = registration.getProvider() == null ? id : registration.getProvider();
      properties.getProvider().put(name, discoverable(configured.getProvider().getOrDefault(name, new Provider()), issuer));
    });
    Map<String, ClientRegistration> registrations = new LinkedHashMap<>();
    try {
      new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().forEach((id, registration) ->
          registrations.put(id, ClientRegistration.withClientRegistration(registration).issuerUri(issuer).build()));
    } catch (IllegalArgumentException failed) {
      if (!(failed.getCause() instanceof RestClientException)) {
        throw failed; // a configuration error, not a provider that is down
      }
      throw new DependencyUnavailableException("The shop's identity provider at " + issuer + " cannot be reached to find its endpoints.", failed);
    }
    return registrations;
  }

  private static Provider discoverable(Provider configured, String issuer) {
    Provider provider = new Provider();
    provider.setAuthorizationUri(configured.getAuthorizationUri());
    provider.setTokenUri(configured.getTokenUri());
    provider.setJwkSetUri(configured.getJwkSetUri());
    provider.setUserInfoUri(configured.getUserInfoUri());
    provider.setUserInfoAuthenticationMethod(configured.getUserInfoAuthenticationMethod());
    provider.setUserNameAttribute(configured.getUserNameAttribute());
    provider.setIssuerUri(configured.getIssuerUri());
    if (!StringUtils.hasText(configured.getTokenUri()) && !StringUtils.hasText(configured.getIssuerUri())) {
      provider.setIssuerUri(issuer);
    }
    return provider;
  }
}
