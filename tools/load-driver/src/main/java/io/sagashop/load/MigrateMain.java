package io.sagashop.load;

import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackException;

/**
 * {@code ./sagashop migrate [--dry-run] [--from VERSION]}: as the operator, moves the open sagas of the
 * running shop's older saga versions (or of VERSION alone: the undo, after a rollback) to the version its
 * orchestrators deploy, after a dry run; exits 1 when a saga stays behind or a move failed (each is named).
 */
public final class MigrateMain {

  private MigrateMain() {}

  public static void main(String[] args) {
    CommandLine.run(args, MigrateArguments::parse, (arguments, settings) -> {
      if (!LoadMain.isRunning(settings)) {
        throw new StackException("No shop answers at " + settings.url(ShopService.ORCHESTRATOR) + ": start it with ./sagashop run first.");
      }
      ShopApi shop = new ShopApi(ShopAddress.of(settings, ShopPasswords.of(settings, System::getenv)));
      return Migration.run(shop, arguments, CommandLine.console::info);
    });
  }
}
