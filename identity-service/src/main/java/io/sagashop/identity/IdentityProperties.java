package io.sagashop.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param signingKey the RSA private key (PKCS#8 PEM) the tokens are signed with: the same on every
 *     replica and after every restart, or the services reject tokens signed before. Either the PEM
 *     text itself (Kubernetes passes it from a Secret, as it does every password) or where to read
 *     it ({@code file:...}, the local stack's generated key)
 * @param pageOrigins where the shop page is served; its script may call the token endpoint
 * @param staff the sellers' and operators' accounts, created or updated on start-up
 */
@Validated
@ConfigurationProperties("sagashop.identity")
public record IdentityProperties(@NotBlank String signingKey, List<String> pageOrigins, @Valid List<StaffAccount> staff) {

  public IdentityProperties {
    pageOrigins = pageOrigins == null ? List.of() : List.copyOf(pageOrigins);
    staff = staff == null ? List.of() : List.copyOf(staff);
  }

  /**
   * A staff member: {@code role} is SELLER or OPERATOR (what the shop's services let them do),
   * {@code groups} their Camunda groups (what Cockpit, Tasklist and the engine REST API let them do),
   * and their name as Tasklist and Cockpit greet them ({@code givenName}, {@code familyName}: optional).
   */
  public record StaffAccount(@NotBlank String username, @NotBlank String password, @NotBlank String role, List<String> groups,
      String givenName, String familyName) {

    public StaffAccount {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The first password anybody would try. */
    @AssertFalse(message = "a staff member's password must not be their name (SAGASHOP_ADMIN_PASSWORD, SAGASHOP_SELLER_PASSWORD)")
    public boolean isPasswordTheName() {
      return username != null && username.equals(password);
    }

    @Override
    public String toString() {
      return "StaffAccount[" + username + ", " + role + ", " + groups + "]";
    }
  }
}
