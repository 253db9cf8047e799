package io.sagashop.orchestrator.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each staff group may do in Camunda, made sure of on every start: {@code camunda-admin}
 * everything, {@code sellers} Tasklist only, where a filter shows the deposits to confirm. Who is in
 * which group the identity provider says (the {@code groups} claim, {@link StaffGroups}); Camunda
 * keeps no passwords.
 */
@Component
class StaffAuthorizations extends AbstractProcessEnginePlugin {

  static final String SELLERS = "sellers";
  /**
   * A member of camunda-admin from the first start on, without a password (nobody signs in as it).
   * While camunda-admin has no member, Camunda's webapps send everyone who opens them to a page
   * that creates the first administrator, with a password: the first seller to sign in would land
   * there instead of in Tasklist.
   */
  static final String ADMINISTRATOR_MARKER = "administrators-sign-in-at-the-identity-provider";
  static final String DEPOSITS_FILTER = "Deposits to confirm";
  private static final String TASKLIST = "tasklist";
  private static final String ORDER_SAGA = "order-saga";
  private static final Logger log = LoggerFactory.getLogger(StaffAuthorizations.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    ensureGroup(identity, Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
    ensureAdministratorExists(identity);
    for (Resource resource : Resources.values()) {
      ensureGrant(authorizations, Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }

    ensureGroup(identity, SELLERS, "Sellers", Groups.GROUP_TYPE_WORKFLOW);
    ensureGrant(authorizations, SELLERS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    // Sellers see and work on the saga's tasks (Confirm deposit), and nothing else of the engine.
    ensureGrant(
        authorizations,
        SELLERS,
        Resources.PROCESS_DEFINITION,
        ORDER_SAGA,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.TASK_WORK);
    String filterId = ensureDepositsFilter(engine.getFilterService(), engine.getTaskService());
    ensureGrant(authorizations, SELLERS, Resources.FILTER, filterId, Permissions.READ);
  }

  /** The sellers' Tasklist filter: the deposits waiting for a confirmation, oldest first. */
  private static String ensureDepositsFilter(FilterService filters, TaskService tasks) {
    Filter existing = filters.createFilterQuery().filterName(DEPOSITS_FILTER).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Filter filter =
        filters
            .newTaskFilter(DEPOSITS_FILTER)
            .setQuery(tasks.createTaskQuery().processDefinitionKey(ORDER_SAGA).taskCandidateGroup(SELLERS).orderByTaskCreateTime().asc())
            .setProperties(Map.of("description", "Orders whose bank transfer the seller has to confirm", "priority", -10, "refresh", true));
    filters.saveFilter(filter);
    log.info("Created the Tasklist filter '{}'", DEPOSITS_FILTER);
    return filter.getId();
  }

  private static void ensureGroup(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).singleResult() == null) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
      log.info("Created Camunda group {}", id);
    }
  }

  private static void ensureAdministratorExists(IdentityService identity) {
    if (identity.createUserQuery().userId(ADMINISTRATOR_MARKER).count() == 0) {
      User marker = identity.newUser(ADMINISTRATOR_MARKER);
      marker.setFirstName("Operators sign in");
      marker.setLastName("at the shop's identity provider");
      identity.saveUser(marker);
      identity.createMembership(ADMINISTRATOR_MARKER, Groups.CAMUNDA_ADMIN);
    }
  }

  /** One authorization per group and resource (Camunda's rule), holding every permission given. */
  private static void ensureGrant(
      AuthorizationService authorizations,
      String groupId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization authorization =
        authorizations.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
