package io.sagashop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production overlay ships SAGASHOP_IDENTITY_ISSUER=CHANGE_ME: a service must refuse to start
 * with it, or with any issuer that is no web URL, instead of turning every caller away with 401.
 */
class IssuerSettingTest {

  @ParameterizedTest
  @ValueSource(strings = {"CHANGE_ME", "", " ", "identity-service", "ftp://id.example.com", "http://", "https://id.example.com?realm=shop", "http://id example.com"})
  void shouldRefuseAnIssuerThatIsNoUrl(String issuer) {
    assertThatThrownBy(() -> IssuerSetting.of(issuer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SAGASHOP_IDENTITY_ISSUER must be the identity provider's issuer URL")
        .hasMessageEndingWith("not \"" + issuer.trim() + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8085", "https://id.example.com", "https://keycloak.example.com/realms/shop", "http://identity.localtest.me"})
  void shouldAcceptTheUrlOfAProvider(String issuer) {
    assertThat(IssuerSetting.of(issuer).issuer()).isEqualTo(URI.create(issuer));
  }
}
