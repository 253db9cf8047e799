package io.sagashop.orchestrator.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's webapps want every signed-in person to be a Camunda user (Admin lists them, a session
 * is refreshed from them). At each sign-in the person and their group memberships are written as
 * their token says: the identity provider stays the one truth, Camunda's tables follow it, and
 * no password is ever stored here.
 */
@Component
class StaffMirror {

  private static final Logger log = LoggerFactory.getLogger(StaffMirror.class);

  private final IdentityService identity;

  StaffMirror(IdentityService identity) {
    this.identity = identity;
  }

  void mirror(String userId, List<String> groups) {
    try {
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        identity.saveUser(user);
        log.info("Camunda user {} added at their first sign-in", userId);
      }
      Set<String> current = new HashSet<>();
      identity.createGroupQuery().groupMember(userId).list().forEach(group -> current.add(group.getId()));
      for (String group : groups) {
        if (!current.contains(group)) {
          ensureGroup(group);
          identity.createMembership(userId, group);
          log.info("Camunda user {} joined group {}, as their token says", userId, group);
        }
      }
      for (String group : current) {
        if (!groups.contains(group)) {
          identity.deleteMembership(userId, group);
          log.info("Camunda user {} left group {}, as their token says", userId, group);
        }
      }
    } catch (ProcessEngineException concurrentSignIn) {
      // Two sign-ins of one person at once (two tabs, two replicas): the other one wrote it. The
      // session itself takes its groups from the token, so nothing is lost.
      log.warn("Could not mirror Camunda user {} with groups {}: {}", userId, groups, concurrentSignIn.getMessage());
    }
  }

  private void ensureGroup(String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(groupId);
      identity.saveGroup(group);
    }
  }
}
