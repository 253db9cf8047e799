package io.sagashop.orchestrator.migration;

import java.util.List;

/**
 * What a migration would do, found by trying it on every open saga and undoing it (a dry run): for
 * each older version with open sagas, how many there are, how many would move, and each that would not,
 * with why.
 *
 * @param targetVersion the engine's version number of the saga this build deploys
 */
public record MigrationPreview(String targetDefinitionId, int targetVersion, List<FromVersion> versions) {

  /** Open sagas of one older version. {@code planFailures}: why no plan could be made (then none moves). */
  public record FromVersion(String definitionId, int version, int open, int movable, List<String> planFailures, List<Unmovable> cannotMove) {}

  /** A saga that would not move, and the engine's reasons, naming the activity at fault. */
  public record Unmovable(String sagaId, String orderId, List<String> reasons) {}

  public int open() {
    return versions.stream().mapToInt(FromVersion::open).sum();
  }

  public int movable() {
    return versions.stream().mapToInt(FromVersion::movable).sum();
  }

  /** Every open saga would move. */
  public boolean movesAll() {
    return movable() == open();
  }
}
