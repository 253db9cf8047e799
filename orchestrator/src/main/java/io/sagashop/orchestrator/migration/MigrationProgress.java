package io.sagashop.orchestrator.migration;

import java.util.List;

/**
 * How far one migration batch is: its jobs (each moves {@code sagasPerJob} sagas), how many are done,
 * and each failed move with its error. A failed job keeps its sagas on the old version, is retried by
 * the job executor and then shows as an incident of the batch in Cockpit (Batches).
 */
public record MigrationProgress(String batchId, boolean done, int jobs, int jobsDone, int sagasPerJob, List<String> failures) {}
