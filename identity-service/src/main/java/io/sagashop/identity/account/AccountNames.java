package io.sagashop.identity.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * When two names are the same person to a reader: {@code PT-X} and {@code pt-x}, {@code admin.} and
 * {@code admin}, a full-width {@code ｓｅｌｌｅｒ} and {@code seller}. Registration refuses a name whose
 * skeleton another account or a reserved name already has, and the sign-in throttle counts attempts
 * by it, so a look-alike neither passes for someone else nor resets their count.
 */
public final class AccountNames {

  /** What a customer may not pass for: staff, the shop's own clients and the usual administrators. */
  static final Set<String> RESERVED = Set.of(
      "admin", "administrator", "root", "system", "operator", "operators", "seller", "sellers", "staff", "support",
      "sagashop", "shop", "shoppage", "orchestrator", "orderservice", "identity", "camundaadmin");

  private AccountNames() {}

  /** Compatibility-normalized (NFKC), trimmed, lower case, without the separators {@code . _ @ -}. */
  public static String skeleton(String name) {
    String normalized = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    return normalized.replaceAll("[._@-]", "");
  }

  static boolean reserved(String name) {
    return RESERVED.contains(skeleton(name));
  }
}
