package io.sagashop.orchestrator.migration;

import java.util.List;

/**
 * A migration under way: the preview it started from, and a Camunda batch per older version for the
 * sagas that move (Cockpit: Batches). Sagas the preview found unmovable are left on their version.
 */
public record MigrationStart(MigrationPreview preview, List<Batch> batches) {

  public record Batch(String batchId, String fromDefinitionId, int fromVersion, int sagas) {}
}
