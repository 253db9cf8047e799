package io.sagashop.identity.account;

import io.sagashop.identity.IdentityProperties;
import io.sagashop.identity.IdentityProperties.StaffAccount;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in: customers who registered, and the staff named in the configuration.
 * Kept in Spring Security's user tables, passwords hashed with bcrypt.
 */
@Component
public class Accounts extends JdbcUserDetailsManager {

  /** A staff member's Camunda group is kept as an authority {@code GROUP_<name>} next to their role. */
  public static final String GROUP_PREFIX = "GROUP_";
  private static final Logger log = LoggerFactory.getLogger(Accounts.class);
  /** The advisory lock that registrations take one after the other (any number no other lock uses). */
  private static final long REGISTRATIONS_LOCK = 0x5A6A_0001L;

  private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final IdentityProperties properties;

  Accounts(DataSource dataSource, IdentityProperties properties) {
    super(dataSource);
    this.properties = properties;
  }

  /**
   * A new customer; false when the name is taken: by an account whose name looks the same (the same
   * {@link AccountNames#skeleton skeleton}: {@code PT-X} for {@code pt-x}, {@code admin.} for {@code
   * admin}), or reserved for staff and the shop's own clients. Registrations take a lock, so two
   * look-alikes registered at once cannot both pass the check.
   */
  @Transactional
  public boolean registerCustomer(String username, String password) {
    String skeleton = AccountNames.skeleton(username);
    if (AccountNames.reserved(username) || properties.staff().stream().anyMatch(staff -> AccountNames.skeleton(staff.username()).equals(skeleton))) {
      log.info("Registration of {} refused: the name is reserved", username);
      return false;
    }
    getJdbcTemplate().queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, REGISTRATIONS_LOCK);
    Integer lookAlikes = getJdbcTemplate().queryForObject(
        "SELECT count(*) FROM users WHERE regexp_replace(lower(username), '[._@-]', '', 'g') = ?", Integer.class, skeleton);
    if (lookAlikes != null && lookAlikes > 0) {
      log.info("Registration of {} refused: an account's name looks the same", username);
      return false;
    }
    try {
      createUser(User.withUsername(username).password(passwords.encode(password)).roles("CUSTOMER").build());
      log.info("Customer {} registered", username);
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  /** Staff accounts follow the configuration at every start: a changed password or role takes effect. */
  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  void provideStaff() {
    for (StaffAccount staff : properties.staff()) {
      UserDetails account = User.withUsername(staff.username())
          .password(passwords.encode(staff.password()))
          .authorities(Stream.concat(
                  Stream.of("ROLE_" + staff.role()),
                  staff.groups().stream().map(group -> GROUP_PREFIX + group))
              .toArray(String[]::new))
          .build();
      if (userExists(staff.username())) {
        updateUser(account);
      } else {
        createUser(account);
      }
    }
  }
}
