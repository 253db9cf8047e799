package io.sagashop.platform.security;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The identity provider's issuer, which every token's {@code iss} must equal. A service refuses to
 * start with anything but an http(s) URL: the production overlay ships {@code CHANGE_ME}, and a
 * service that started with it would answer every caller 401 and look healthy while doing so.
 */
record IssuerSetting(URI issuer) {

  static final String VARIABLE = "SAGASHOP_IDENTITY_ISSUER";

  static IssuerSetting of(String issuer) {
    String value = issuer == null ? "" : issuer.trim();
    try {
      URI uri = new URI(value);
      boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      if (web && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
        return new IssuerSetting(uri);
      }
    } catch (URISyntaxException notAUri) {
      // refused below, with the same message as any other value that is no URL
    }
    throw new IllegalStateException(
        VARIABLE + " must be the identity provider's issuer URL (such as https://id.example.com or "
            + "https://keycloak.example.com/realms/shop), not \"" + value + "\"");
  }
}
