package io.sagashop.orchestrator.migration;

import org.camunda.bpm.engine.migration.MigrationPlanBuilder;

/**
 * What moving open sagas to the version this build deploys needs beyond the rule every move follows
 * (each activity both versions have, by its id, with its event triggers updated to the new
 * definition): a mapping for an activity where sagas may wait that the new version renames or
 * removes, or a variable the new version needs ({@code setVariables}). Written next to the BPMN change
 * (docs/saga.md, "When the saga changes").
 */
@FunctionalInterface
public interface SagaMigrationInstructions {

  /** Nothing beyond the rule: a change that adds or moves steps, or changes a deadline. */
  SagaMigrationInstructions NONE = plan -> plan;

  MigrationPlanBuilder addTo(MigrationPlanBuilder plan);
}
