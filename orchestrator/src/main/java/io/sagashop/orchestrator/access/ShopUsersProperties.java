package io.sagashop.orchestrator.access;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Passwords of the two Camunda users. They have no default on purpose: outside the local stack
 * (which generates them) they must be set, or the orchestrator does not start.
 */
@Validated
@ConfigurationProperties("sagashop.users")
public record ShopUsersProperties(
    @NotBlank(message = "set SAGASHOP_ADMIN_PASSWORD (the Camunda admin's password)") String adminPassword,
    @NotBlank(message = "set SAGASHOP_SELLER_PASSWORD (the seller's Tasklist password)") String sellerPassword) {

  public static final String ADMIN_ID = "admin";
  public static final String SELLER_ID = "seller";

  @AssertFalse(message = "SAGASHOP_ADMIN_PASSWORD must not be the user id")
  boolean isAdminPasswordTheUserId() {
    return ADMIN_ID.equals(adminPassword);
  }

  @AssertFalse(message = "SAGASHOP_SELLER_PASSWORD must not be the user id")
  boolean isSellerPasswordTheUserId() {
    return SELLER_ID.equals(sellerPassword);
  }
}
