package io.sagashop.orchestrator.migration;

import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.springframework.stereotype.Component;

/**
 * The instructions of the release this build deploys (bpmn/order-saga.bpmn, kept as
 * bpmn/released/&lt;n&gt;/). Release 1 is the first: it has no earlier version to move sagas from, so
 * it adds nothing. A release that renames or removes an activity where sagas wait maps it here, in
 * the same commit, and the migration test of docs/saga.md proves every waiting saga still moves.
 */
@Component
class ReleaseMigrationInstructions implements SagaMigrationInstructions {

  @Override
  public MigrationPlanBuilder addTo(MigrationPlanBuilder plan) {
    return plan;
  }
}
