package io.sagashop.orchestrator.access;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * A staff member's Camunda groups ({@code sellers}, {@code camunda-admin}) travel in their tokens'
 * {@code groups} claim: the identity provider is the one place that says who is a seller, for the
 * webapps and for the engine REST API alike. A customer's token has none, so Camunda's
 * authorizations give them nothing.
 */
final class StaffGroups {

  static final String CLAIM = "groups";
  /**
   * The group the identity provider gives operators. It is the shop's name, whatever the engine:
   * each sign-in makes it the engine's own administrators' group ({@link Groups#CAMUNDA_ADMIN},
   * the same name on Camunda 7, {@code operaton-admin} on Operaton).
   */
  static final String OPERATORS = "camunda-admin";

  private StaffGroups() {}

  static List<String> of(ClaimAccessor token) {
    List<String> groups = token.getClaimAsStringList(CLAIM);
    return groups == null ? List.of() : groups.stream().map(group -> OPERATORS.equals(group) ? Groups.CAMUNDA_ADMIN : group).toList();
  }
}
