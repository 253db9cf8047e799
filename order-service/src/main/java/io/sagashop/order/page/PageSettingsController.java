package io.sagashop.order.page;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the shop page needs to sign its customers in: the identity provider's endpoints, and the page's client id. */
@RestController
class PageSettingsController {

  static final String PAGE_CLIENT = "shop-page";

  private final IdentityProviderEndpoints identity;

  PageSettingsController(IdentityProviderEndpoints identity) {
    this.identity = identity;
  }

  @GetMapping("/page-settings")
  Map<String, String> settings() {
    IdentityProviderEndpoints.Endpoints endpoints = identity.endpoints();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("clientId", PAGE_CLIENT);
    settings.put("issuer", endpoints.issuer());
    settings.put("authorizationEndpoint", endpoints.authorization());
    settings.put("tokenEndpoint", endpoints.token());
    if (endpoints.endSession() != null) {
      settings.put("endSessionEndpoint", endpoints.endSession());
    }
    return settings;
  }
}
