package io.sagashop.orchestrator.saga;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Where the open sagas stand, read from the engine at each scrape: {@code sagashop_sagas_open},
 * {@code sagashop_sagas_waiting{state}} per wait state of the model (the seller's task, each
 * "waiting for ..." gateway), {@code sagashop_incidents} and {@code sagashop_jobs_due} (steps that
 * could run now: a backlog that grows means the job executor cannot keep up) and {@code
 * sagashop_deadlines_overdue_seconds} (an order standing still past one of its deadlines).
 */
@Component
class SagaMetrics implements MeterBinder {

  static final String PROCESS = "order-saga";
  private static final String MODEL = "bpmn/order-saga.bpmn";

  private final RuntimeService runtime;
  private final ManagementService management;
  private final Clock clock;

  SagaMetrics(RuntimeService runtime, ManagementService management, Clock clock) {
    this.runtime = runtime;
    this.management = management;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("sagashop.sagas.open", () -> runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count())
        .description("Order sagas not ended yet")
        .register(registry);
    for (FlowNode state : waitStates()) {
      Gauge.builder("sagashop.sagas.waiting", () -> runtime.createExecutionQuery().processDefinitionKey(PROCESS).activityId(state.getId()).count())
          .description("Order sagas waiting in this state of the process")
          .tag("state", state.getId())
          .tag("name", state.getName() == null ? state.getId() : state.getName())
          .register(registry);
    }
    Gauge.builder("sagashop.incidents", () -> runtime.createIncidentQuery().count())
        .description("Open incidents: steps whose retries ran out, waiting for an operator")
        .register(registry);
    Gauge.builder("sagashop.jobs.due", () -> management.createJobQuery().executable().count())
        .description("Saga steps and timers due now and not yet run")
        .register(registry);
    Gauge.builder("sagashop.deadlines.overdue", this, SagaMetrics::oldestOverdueSeconds)
        .description("How long ago the oldest deadline passed that the saga has not acted on yet, 0 when none")
        .baseUnit("seconds")
        .register(registry);
  }

  /** A deadline (a timer) that passed and did not fire: its order stands still past the time the shop promised. */
  private double oldestOverdueSeconds() {
    return management.createJobQuery().timers().executable().orderByJobDuedate().asc().listPage(0, 1).stream()
        .findFirst()
        .map(job -> Math.max(0, (clock.millis() - job.getDuedate().getTime()) / 1000.0))
        .orElse(0.0);
  }

  /**
   * Where a saga stands still until someone acts or something arrives: the user tasks, receive
   * tasks, event-based gateways, and catch events that no gateway already covers.
   */
  static List<FlowNode> waitStates() {
    try (InputStream model = SagaMetrics.class.getClassLoader().getResourceAsStream(MODEL)) {
      if (model == null) {
        throw new IllegalStateException(MODEL + " is missing from the classpath");
      }
      return Bpmn.readModelFromStream(model).getModelElementsByType(FlowNode.class).stream()
          .filter(node -> node instanceof UserTask || node instanceof ReceiveTask || node instanceof EventBasedGateway
              || (node instanceof IntermediateCatchEvent && node.getPreviousNodes().filterByType(EventBasedGateway.class).count() == 0))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + MODEL, e);
    }
  }
}
