package io.sagashop.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./sagashop migrate [--dry-run] [--from VERSION]}, read and checked: the dry run only, or the
 * move; of one version's sagas (the undo names the newer version), or of every older version's.
 */
public record MigrateArguments(boolean dryRun, Optional<Integer> from) {

  static MigrateArguments parse(List<String> args) {
    List<String> options = new ArrayList<>(args);
    boolean dryRun = options.remove("--dry-run");
    int from = Options.parse(options, Set.of("--from"), "--dry-run and --from VERSION (a version of the saga, as Cockpit shows it)")
        .between("--from", 1, Integer.MAX_VALUE, 0);
    return new MigrateArguments(dryRun, from == 0 ? Optional.empty() : Optional.of(from));
  }
}
