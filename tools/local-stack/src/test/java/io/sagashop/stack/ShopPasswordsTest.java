package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopPasswordsTest {

  @TempDir Path data;

  @Test
  void shouldGenerateStrongPasswordsOnceAndKeepThemForTheNextRun() throws Exception {
    Path file = data.resolve("passwords.properties");

    ShopPasswords first = ShopPasswords.load(file, Map.<String, String>of()::get);
    ShopPasswords second = ShopPasswords.load(file, Map.<String, String>of()::get);

    assertThat(first.admin()).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo("admin").isNotEqualTo(first.seller());
    assertThat(first.seller()).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo("seller");
    assertThat(first.orchestratorClient()).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(first.orderServiceClient());
    assertThat(second).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void shouldPreferThePasswordsFromTheEnvironment() {
    ShopPasswords passwords =
        ShopPasswords.load(
            data.resolve("passwords.properties"),
            Map.of("SAGASHOP_ADMIN_PASSWORD", "from-env-admin", "SAGASHOP_SELLER_PASSWORD", "from-env-seller")::get);

    assertThat(passwords.admin()).isEqualTo("from-env-admin");
    assertThat(passwords.seller()).isEqualTo("from-env-seller");
  }

  @Test
  void shouldNotShowPasswordsWhenLogged() {
    assertThat(new ShopPasswords("a-secret", "b-secret", "c-secret", "d-secret", "e-secret").toString()).doesNotContain("secret");
  }
}
