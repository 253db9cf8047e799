package io.sagashop.orchestrator.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Camunda's own job-executor figures as Prometheus counters, {@code camunda_jobs_total{event}}:
 * acquisition attempts, jobs acquired, jobs that ran or failed, executions rejected for lack of
 * threads. The engine counts them in memory and writes them to its database (ACT_RU_METER_LOG);
 * these counters read the database, the whole cluster's sums, so aggregate them with {@code max}.
 * The engine writes every minute here instead of every 15, so that a rate means something.
 */
@Component
class JobExecutorMetrics extends AbstractProcessEnginePlugin implements MeterBinder {

  static final long REPORTING_INTERVAL_SECONDS = 60;
  private static final List<String> EVENTS = List.of(
      Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
      Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.JOB_EXECUTION_REJECTED);

  private final ObjectProvider<ManagementService> management;

  JobExecutorMetrics(ObjectProvider<ManagementService> management) {
    this.management = management;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the reporter is created by init() and started with the engine, which reads the interval then
    configuration.getDbMetricsReporter().setReportingIntervalInSeconds(REPORTING_INTERVAL_SECONDS);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String event : EVENTS) {
      FunctionCounter.builder("camunda.jobs", management, engine -> engine.getObject().createMetricsQuery().name(event).sum())
          .description("Camunda's job executor, as the engine counts it (whole cluster, written every minute)")
          .tag("event", event)
          .register(registry);
    }
  }
}
