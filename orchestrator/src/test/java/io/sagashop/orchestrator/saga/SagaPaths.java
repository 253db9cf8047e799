package io.sagashop.orchestrator.saga;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;

/**
 * Walks every path of one deployed version of the saga on the in-memory engine: from a placed order,
 * at every state it tries each thing that can happen next (a job runs, or its step fails with an error
 * a boundary event of the model catches; a timer fires; a seller completes the task; a message today's
 * code sends arrives), each on a fresh saga that replays the choices before it, until every path has
 * ended. A path that stops with nothing left to happen, runs too long, or meets an expression, a step
 * or a message today's code does not have, is a finding.
 */
public final class SagaPaths {

  /** A path longer than this goes round in circles. */
  private static final int MAX_STEPS = 40;
  /** More paths than this means the walk is not finding ends. */
  private static final int MAX_PATHS = 20_000;

  /** One thing that can happen to a waiting saga. */
  public record Choice(String kind, String target, String error) {
    @Override
    public String toString() {
      return kind + " " + target + (error == null ? "" : " fails with " + error);
    }
  }

  private final ProcessEngine engine;
  private final BpmnModelInstance model;
  private final Set<String> messagesSent;
  /** The error the step that runs next throws (null: it succeeds); read by the steps' stand-ins. */
  private final Consumer<String> nextStepFailsWith;
  private final List<List<Choice>> ended = new ArrayList<>();
  private final List<List<Choice>> waits = new ArrayList<>();
  private final Set<String> findings = new LinkedHashSet<>();

  public SagaPaths(ProcessEngine engine, BpmnModelInstance model, Set<String> messagesSent, Consumer<String> nextStepFailsWith) {
    this.engine = engine;
    this.model = model;
    this.messagesSent = messagesSent;
    this.nextStepFailsWith = nextStepFailsWith;
  }

  /** Walks every path; returns the findings (none when every path ends). */
  public List<String> walk() {
    walk(new ArrayList<>());
    return List.copyOf(findings);
  }

  /** The paths that ended, each as its choices in order. */
  List<List<Choice>> ended() {
    return ended;
  }

  /** Every state a saga waited in on the walk, each as the choices that led there. */
  public List<List<Choice>> waits() {
    return waits;
  }

  /** A fresh saga of an order just placed, taken through these choices (of a walk on this engine); its id. */
  public String open(List<Choice> choices) {
    return replay(choices);
  }

  /**
   * Takes the saga to its end, each time by the first thing that can happen next (a step that
   * succeeds comes before its failures); the choices taken. Fails when the saga waits for nothing.
   */
  public List<Choice> finish(String saga) {
    List<Choice> taken = new ArrayList<>();
    while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(saga).count() > 0) {
      List<Choice> next = choices(saga);
      if (next.isEmpty() || taken.size() >= MAX_STEPS) {
        throw new IllegalStateException("saga " + saga + " does not end: after " + taken + " it waits at "
            + engine.getRuntimeService().getActiveActivityIds(saga) + " (" + findings + ")");
      }
      take(saga, next.get(0));
      taken.add(next.get(0));
    }
    return taken;
  }

  private void walk(List<Choice> prefix) {
    if (ended.size() + findings.size() > MAX_PATHS) {
      throw new IllegalStateException("more than " + MAX_PATHS + " paths: the walk does not end");
    }
    String saga;
    try {
      saga = replay(prefix);
    } catch (RuntimeException e) {
      findings.add("after " + prefix + ": " + e.getMessage());
      return;
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(saga).count() == 0) {
      ended.add(List.copyOf(prefix));
      return;
    }
    waits.add(List.copyOf(prefix));
    List<Choice> next = choices(saga);
    List<String> waitingAt = engine.getRuntimeService().getActiveActivityIds(saga);
    // each longer path replays from its own saga: this one has been looked at
    engine.getRuntimeService().deleteProcessInstance(saga, "path walked", true, true);
    if (next.isEmpty()) {
      findings.add("after " + prefix + ": the saga waits at " + waitingAt + " for nothing today's code sends");
      return;
    }
    if (prefix.size() >= MAX_STEPS) {
      findings.add("after " + prefix + ": no end within " + MAX_STEPS + " steps");
      return;
    }
    for (Choice choice : next) {
      List<Choice> longer = new ArrayList<>(prefix);
      longer.add(choice);
      walk(longer);
    }
  }

  /** A fresh saga of an order just placed, taken through these choices; its id. */
  private String replay(List<Choice> choices) {
    String orderId = UUID.randomUUID().toString();
    String saga = engine.getRuntimeService()
        .createMessageCorrelation(SagaMessage.OrderPlaced.name())
        .processInstanceBusinessKey(orderId)
        .setVariables(Map.of(
            SagaVariables.ORDER_ID, orderId,
            SagaVariables.PRODUCT_ID, "teapot-kyusu",
            SagaVariables.PRODUCT_NAME, "Kyusu clay teapot",
            SagaVariables.QUANTITY, 2,
            SagaVariables.AMOUNT, "96.00"))
        .correlateStartMessage()
        .getId();
    for (Choice choice : choices) {
      take(saga, choice);
    }
    return saga;
  }

  private void take(String saga, Choice choice) {
    switch (choice.kind()) {
      case "job", "timer" -> {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(saga).list().stream()
            .filter(candidate -> activityOf(candidate).equals(choice.target())).findFirst()
            .orElseThrow(() -> new IllegalStateException("no job at " + choice.target() + " on replay"));
        nextStepFailsWith.accept(choice.error());
        try {
          engine.getManagementService().executeJob(job.getId());
        } finally {
          nextStepFailsWith.accept(null);
        }
      }
      case "task" -> engine.getTaskService().complete(
          engine.getTaskService().createTaskQuery().processInstanceId(saga).taskDefinitionKey(choice.target()).list().get(0).getId());
      case "message" -> engine.getRuntimeService().createMessageCorrelation(choice.target()).processInstanceId(saga).correlate();
      default -> throw new IllegalArgumentException(choice.kind());
    }
  }

  /** What can happen next to this saga. */
  private List<Choice> choices(String saga) {
    Set<Choice> choices = new LinkedHashSet<>();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(saga).list()) {
      String activity = activityOf(job);
      // timer-intermediate-transition, timer-start-event-subprocess, ...: a deadline that passes
      boolean timer = engine.getManagementService().createJobDefinitionQuery()
          .jobDefinitionId(job.getJobDefinitionId()).singleResult().getJobType().startsWith("timer");
      choices.add(new Choice(timer ? "timer" : "job", activity, null));
      if (!timer) {
        errorsCaughtAt(activity).forEach(error -> choices.add(new Choice("job", activity, error)));
      }
    }
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(saga).list()) {
      choices.add(new Choice("task", task.getTaskDefinitionKey(), null));
    }
    for (EventSubscription subscription : engine.getRuntimeService().createEventSubscriptionQuery()
        .processInstanceId(saga).eventType("message").list()) {
      if (messagesSent.contains(subscription.getEventName())) {
        choices.add(new Choice("message", subscription.getEventName(), null));
      } else {
        findings.add("the saga waits at " + subscription.getActivityId() + " for message " + subscription.getEventName()
            + ", which today's code never sends");
      }
    }
    return new ArrayList<>(choices);
  }

  /** The error codes the model catches on this activity: the failures its step may report. */
  private List<String> errorsCaughtAt(String activity) {
    List<String> errors = new ArrayList<>();
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      if (boundary.getAttachedTo().getId().equals(activity)) {
        for (ErrorEventDefinition definition : boundary.getChildElementsByType(ErrorEventDefinition.class)) {
          if (definition.getError() != null) {
            errors.add(definition.getError().getErrorCode());
          }
        }
      }
    }
    return errors;
  }

  private String activityOf(Job job) {
    JobDefinition definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return definition.getActivityId();
  }
}
