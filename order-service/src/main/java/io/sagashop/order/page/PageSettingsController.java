package io.sagashop.order.page;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the shop page needs to sign its customers in: where the identity provider is, and the page's client id. */
@RestController
class PageSettingsController {

  private final String issuer;

  PageSettingsController(@Value("${SAGASHOP_IDENTITY_ISSUER}") String issuer) {
    this.issuer = issuer;
  }

  @GetMapping("/page-settings")
  Map<String, String> settings() {
    return Map.of("issuer", issuer, "clientId", "shop-page");
  }
}
