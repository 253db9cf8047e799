package io.sagashop.load;

import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackException;
import io.sagashop.stack.StackSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./sagashop token NAME [PASSWORD]}: signs a person into the running shop as its page or
 * Tasklist would, and prints the access token alone, for {@code curl -H "Authorization: Bearer ..."}.
 * {@code seller} and {@code admin} sign in with the passwords the launcher generated; anybody else is a
 * customer, registered with PASSWORD on first use (the provider keeps the account) and signed in with
 * it. The way docs/api.md's walk-through gets its tokens.
 */
public final class TokenMain {

  private static final List<String> STAFF = List.of("seller", "admin");

  private TokenMain() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2 || (!STAFF.contains(args[0]) && args.length != 2)) {
      System.err.println("Usage: ./sagashop token seller|admin   or   ./sagashop token CUSTOMER PASSWORD");
      System.exit(2);
    }
    Path root = Path.of(System.getProperty("sagashop.root", ".")).toAbsolutePath().normalize();
    try {
      StackSettings settings = StackSettings.fromEnvironment(root, System::getenv);
      if (!LoadMain.isRunning(settings)) {
        throw new StackException("No shop answers at " + settings.url(ShopService.ORCHESTRATOR) + ": start it with ./sagashop run first.");
      }
      SignIn signIn = new SignIn(settings.url(ShopService.IDENTITY), settings.entryUrl().resolve("/"));
      String name = args[0];
      String password;
      if (STAFF.contains(name)) {
        ShopPasswords passwords = ShopPasswords.of(settings, System::getenv);
        password = name.equals("seller") ? passwords.seller() : passwords.admin();
      } else {
        password = args[1];
        signIn.register(name, password);
      }
      System.out.println(signIn.accessToken(name, password));
    } catch (StackException | SignIn.SignInFailure e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
