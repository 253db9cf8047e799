package io.sagashop.orchestrator.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the open sagas of older versions to a newer one with Camunda's migration API. The plan for
 * each older version maps every activity both versions have (by id, updating the event triggers to the
 * new definition: a changed deadline or message applies to the moved sagas) and adds the release's own
 * {@link SagaMigrationInstructions}. Before it moves anything it tries the plan on every open saga
 * and undoes it (a preview): Camunda validates a plan against the instances only while migrating, so
 * this is the dry run. It then moves the sagas that would move in a Camunda batch per version (jobs
 * of the source version's deployment, run by the job executors of the orchestrators that run that
 * version), and leaves on their version the sagas that would not, naming them and why.
 */
@Component
public class SagaMigration {

  private static final Logger log = LoggerFactory.getLogger(SagaMigration.class);

  private final ProcessEngine engine;
  private final SagaMigrationInstructions instructions;

  public SagaMigration(ProcessEngine engine, SagaMigrationInstructions instructions) {
    this.engine = engine;
    this.instructions = instructions;
  }

  /** The dry run: what moving every open saga of an older version to {@code target} would do. */
  public MigrationPreview preview(ProcessDefinition target) {
    return preview(target, OptionalInt.empty());
  }

  /**
   * The dry run for the sagas of one version, {@code from}, or (empty) of every older version. A newer
   * version is moved only when named: that is how a migration is undone, by the older build, after
   * the newer one was rolled back.
   */
  public MigrationPreview preview(ProcessDefinition target, OptionalInt from) {
    List<MigrationPreview.FromVersion> versions = new ArrayList<>();
    for (ProcessDefinition source : sources(target, from)) {
      List<ProcessInstance> open = openSagas(source);
      if (open.isEmpty()) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan = plan(source, target);
      } catch (MigrationPlanValidationException e) {
        versions.add(new MigrationPreview.FromVersion(source.getId(), source.getVersion(), open.size(), 0, planFailures(e), List.of()));
        continue;
      }
      List<MigrationPreview.Unmovable> cannotMove = new ArrayList<>();
      for (ProcessInstance saga : open) {
        tryAndUndo(plan, saga).ifPresent(cannotMove::add);
      }
      versions.add(new MigrationPreview.FromVersion(source.getId(), source.getVersion(), open.size(), open.size() - cannotMove.size(), List.of(), cannotMove));
    }
    return new MigrationPreview(target.getId(), target.getVersion(), versions);
  }

  /** The preview, then a batch per older version for the sagas that would move. */
  public MigrationStart start(ProcessDefinition target) {
    return start(target, OptionalInt.empty());
  }

  /** The preview of {@link #preview(ProcessDefinition, OptionalInt)}, then a batch per version for the sagas that would move. */
  public MigrationStart start(ProcessDefinition target, OptionalInt from) {
    MigrationPreview preview = preview(target, from);
    List<MigrationStart.Batch> batches = new ArrayList<>();
    RepositoryService repository = engine.getRepositoryService();
    for (MigrationPreview.FromVersion version : preview.versions()) {
      if (version.movable() == 0) {
        continue;
      }
      ProcessDefinition source = repository.getProcessDefinition(version.definitionId());
      Set<String> unmovable = version.cannotMove().stream().map(MigrationPreview.Unmovable::sagaId).collect(Collectors.toSet());
      List<String> movable = openSagas(source).stream().map(ProcessInstance::getId).filter(id -> !unmovable.contains(id)).toList();
      if (movable.isEmpty()) {
        continue;
      }
      Batch batch = engine.getRuntimeService().newMigration(plan(source, target)).processInstanceIds(movable).executeAsync();
      log.info("Migration batch {} moves {} sagas from version {} to version {} ({} left on version {}: {})", batch.getId(), movable.size(),
          source.getVersion(), target.getVersion(), unmovable.size(), source.getVersion(), unmovable);
      batches.add(new MigrationStart.Batch(batch.getId(), source.getId(), source.getVersion(), movable.size()));
    }
    return new MigrationStart(preview, batches);
  }

  /** How far a batch of {@link #start} is; empty when there is no such migration batch. */
  public Optional<MigrationProgress> progress(String batchId) {
    ManagementService management = engine.getManagementService();
    BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).singleResult();
    if (running != null) {
      List<String> failures = management.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId()).withException().list().stream()
          .map(SagaMigration::failure).toList();
      // every job done: every saga moved, though the batch's monitor removes the batch only at its next look
      boolean done = running.getRemainingJobs() == 0 && running.getFailedJobs() == 0;
      return Optional.of(new MigrationProgress(batchId, done, running.getTotalJobs(), running.getCompletedJobs(), running.getInvocationsPerBatchJob(), failures));
    }
    HistoricBatch ended = engine.getHistoryService().createHistoricBatchQuery().batchId(batchId).type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).singleResult();
    if (ended == null) {
      return Optional.empty();
    }
    // a batch ends when its last job succeeded: every saga moved
    return Optional.of(new MigrationProgress(batchId, ended.getEndTime() != null, ended.getTotalJobs(),
        ended.getEndTime() != null ? ended.getTotalJobs() : 0, ended.getInvocationsPerBatchJob(), List.of()));
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
    return instructions.addTo(engine.getRuntimeService().createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().updateEventTriggers()).build();
  }

  /**
   * Moves the saga inside one engine command and undoes it by failing the command (nothing is written:
   * the engine flushes only when a command succeeds); a saga that would not move says why.
   */
  private Optional<MigrationPreview.Unmovable> tryAndUndo(MigrationPlan plan, ProcessInstance saga) {
    RuntimeService runtime = engine.getRuntimeService();
    CommandExecutor transaction = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    try {
      transaction.execute(context -> {
        runtime.newMigration(plan).processInstanceIds(saga.getId()).execute();
        throw new WouldMove();
      });
    } catch (WouldMove moved) {
      return Optional.empty();
    } catch (MigratingProcessInstanceValidationException e) {
      return Optional.of(new MigrationPreview.Unmovable(saga.getId(), saga.getBusinessKey(), reasons(e.getValidationReport())));
    } catch (ProcessEngineException e) {
      return Optional.of(new MigrationPreview.Unmovable(saga.getId(), saga.getBusinessKey(), List.of(e.getMessage())));
    }
    throw new IllegalStateException("unreachable: the dry run's command always fails");
  }

  private List<ProcessDefinition> sources(ProcessDefinition target, OptionalInt from) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(target.getKey()).list().stream()
        .filter(definition -> from.isPresent()
            ? definition.getVersion() == from.getAsInt() && definition.getVersion() != target.getVersion()
            : definition.getVersion() < target.getVersion())
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
        .toList();
  }

  private List<ProcessInstance> openSagas(ProcessDefinition source) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list();
  }

  private static List<String> planFailures(MigrationPlanValidationException e) {
    List<String> failures = new ArrayList<>();
    for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
      report.getFailures().forEach(failure -> failures.add(report.getMigrationInstruction() + ": " + failure));
    }
    e.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures().forEach(failure -> failures.add("variable " + name + ": " + failure)));
    return failures.isEmpty() ? List.of(e.getMessage()) : failures;
  }

  private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(failure -> reasons.add(activity.getSourceScopeId() + ": " + failure));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(failure -> reasons.add(transition.getSourceScopeId() + " (waiting to start): " + failure));
    }
    return reasons;
  }

  private static String failure(Job job) {
    return "job " + job.getId() + " (" + job.getRetries() + " retries left): " + job.getExceptionMessage();
  }

  /** Ends the dry run's command after a move that would succeed, so that it is undone. */
  private static final class WouldMove extends RuntimeException {
    WouldMove() {
      super("dry run: undone", null, false, false);
    }
  }
}
