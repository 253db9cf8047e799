package io.sagashop.orchestrator.access;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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

  /** The person, their name as the provider gives it (either part may be null) and their groups. */
  void mirror(String userId, String givenName, String familyName, List<String> groups) {
    try {
      // Tasklist's and Cockpit's header shows "first last": without a name, the person's id rather than "null null"
      boolean nameless = givenName == null && familyName == null;
      String first = nameless ? userId : givenName;
      String last = nameless ? null : familyName;
      User user = identity.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        user = identity.newUser(userId);
        user.setFirstName(first);
        user.setLastName(last);
        identity.saveUser(user);
        log.info("Camunda user {} added at their first sign-in", userId);
      } else if (!Objects.equals(user.getFirstName(), first) || !Objects.equals(user.getLastName(), last)) {
        user.setFirstName(first);
        user.setLastName(last);
        identity.saveUser(user);
        log.info("Camunda user {} renamed, as their token says", userId);
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
