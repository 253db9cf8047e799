package io.sagashop.orchestrator.access;

import java.util.List;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * A staff member's Camunda groups ({@code sellers}, {@code camunda-admin}) travel in their tokens'
 * {@code groups} claim: the identity provider is the one place that says who is a seller, for the
 * webapps and for the engine REST API alike. A customer's token has none, so Camunda's
 * authorizations give them nothing.
 */
final class StaffGroups {

  static final String CLAIM = "groups";

  private StaffGroups() {}

  static List<String> of(ClaimAccessor token) {
    List<String> groups = token.getClaimAsStringList(CLAIM);
    return groups == null ? List.of() : List.copyOf(groups);
  }
}
