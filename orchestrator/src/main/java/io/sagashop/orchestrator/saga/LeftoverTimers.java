package io.sagashop.orchestrator.saga;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes, at start, the timers that sagas started before {@link EventSubprocessTimers} was deployed
 * still carry: the timer of an event subprocess ("Deposit deadline passes") whose subprocess (the
 * payment window) the saga has already left. Such a timer would fire on an order already paid. A
 * saga still in its window keeps its deadline. Safe on several orchestrators at once: a timer another
 * one removed first is passed by.
 */
@Component
public class LeftoverTimers {

  private static final Logger log = LoggerFactory.getLogger(LeftoverTimers.class);
  static final String TIMER_START_OF_EVENT_SUBPROCESS = "timer-start-event-subprocess";

  private final ManagementService management;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  public LeftoverTimers(ManagementService management, RuntimeService runtime, RepositoryService repository) {
    this.management = management;
    this.runtime = runtime;
    this.repository = repository;
  }

  /** Removes every leftover timer; returns how many. */
  @EventListener(ApplicationReadyEvent.class)
  public int removeLeftovers() {
    int removed = 0;
    Map<String, String> scopeOf = new HashMap<>();
    for (JobDefinition definition : management.createJobDefinitionQuery().jobType(TIMER_START_OF_EVENT_SUBPROCESS).list()) {
      String scope = scopeOf.computeIfAbsent(definition.getProcessDefinitionId() + "/" + definition.getActivityId(),
          key -> enclosingSubprocess(definition));
      if (scope == null) {
        continue;
      }
      for (Job job : management.createJobQuery().jobDefinitionId(definition.getId()).list()) {
        ActivityInstance saga = runtime.getActivityInstance(job.getProcessInstanceId());
        if (saga != null && saga.getActivityInstances(scope).length == 0) {
          try {
            management.deleteJob(job.getId());
            removed++;
            log.info("Removed the leftover timer {} of saga {}: it has left {}", definition.getActivityId(), job.getProcessInstanceId(), scope);
          } catch (ProcessEngineException goneAlready) {
            log.debug("Leftover timer {} was removed by another orchestrator", job.getId());
          }
        }
      }
    }
    return removed;
  }

  /** The subprocess around the event subprocess that this timer starts, or null when it is the process's own. */
  private String enclosingSubprocess(JobDefinition definition) {
    ModelElementInstance start = repository.getBpmnModelInstance(definition.getProcessDefinitionId()).getModelElementById(definition.getActivityId());
    if (!(start instanceof StartEvent) || !(start.getParentElement() instanceof SubProcess eventSubprocess)) {
      return null;
    }
    return eventSubprocess.getParentElement() instanceof SubProcess window ? window.getId() : null;
  }
}
