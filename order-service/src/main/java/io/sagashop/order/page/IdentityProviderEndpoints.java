package io.sagashop.order.page;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sagashop.platform.web.DependencyUnavailableException;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Where the page sends a customer to sign in, fetch tokens and sign out: read from the identity
 * provider's discovery document, so that any OpenID Connect provider works with its issuer URL alone
 * (Keycloak's endpoints are not the shop's own provider's). Read once it answers, then kept.
 */
@Component
public class IdentityProviderEndpoints {

  /** The endpoints of the discovery document the page uses. */
  record Endpoints(
      String issuer,
      @JsonProperty("authorization_endpoint") String authorization,
      @JsonProperty("token_endpoint") String token,
      @JsonProperty("end_session_endpoint") String endSession) {}

  private final String issuer;
  private final URI discovery;
  private final RestClient http;
  private final SingletonSupplier<Endpoints> endpoints = SingletonSupplier.of(this::discover);

  /**
   * @param discovery the discovery document; by default the issuer's, on Kubernetes' dev overlay the
   *     provider's address inside the cluster (it names the same, public endpoints)
   */
  IdentityProviderEndpoints(
      @Value("${SAGASHOP_IDENTITY_ISSUER}") String issuer,
      @Value("${sagashop.page.identity-discovery-uri:${SAGASHOP_IDENTITY_ISSUER}/.well-known/openid-configuration}") URI discovery,
      RestClient.Builder http) {
    this.issuer = issuer;
    this.discovery = discovery;
    SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
    timeouts.setConnectTimeout(Duration.ofSeconds(2));
    timeouts.setReadTimeout(Duration.ofSeconds(5));
    this.http = http.requestFactory(timeouts).build();
  }

  Endpoints endpoints() {
    return endpoints.obtain();
  }

  private Endpoints discover() {
    Endpoints found;
    try {
      found = http.get().uri(discovery).retrieve().body(Endpoints.class);
    } catch (RestClientException unreachable) {
      throw new DependencyUnavailableException("The shop's identity provider cannot be reached to sign in.", unreachable);
    }
    if (found == null || !issuer.equals(found.issuer()) || found.authorization() == null || found.token() == null) {
      throw new IllegalStateException("The discovery document at " + discovery + " is not that of the issuer " + issuer + ": " + found);
    }
    return found;
  }
}
