package io.sagashop.orchestrator.saga;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes the timers of a subprocess's event subprocesses away once the subprocess has completed.
 *
 * <p>A completed subprocess with compensation handlers inside stays as an event scope, so that a
 * later "Refund payment" can still undo the bank transfer in the payment window; and Camunda gives
 * that event scope the timers of the window's event subprocesses again. So the deposit deadline of a
 * paid order fired three days after placement, on an order already on its way: it started the
 * deadline's compensation on the closed window and failed there (SagaVersionsProcessTest found it,
 * walking every path). A deadline of a window that has closed has nothing left to guard. The timers
 * are removed as the flow leaves the subprocess, after the event scope is made; sagas that left it
 * before this was deployed are mended at start by {@link LeftoverTimers}. Added to every
 * process definition as it is parsed, so the versions already deployed, and the orders open on them,
 * are mended too.
 */
@Component
public class EventSubprocessTimers extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EventSubprocessTimers.class);
  private static final String TIMER_START_OF_EVENT_SUBPROCESS = LeftoverTimers.TIMER_START_OF_EVENT_SUBPROCESS;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterParsing(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        timerStartsBySubprocess(process).forEach((subProcess, timerStarts) -> {
          ActivityImpl activity = definition.findActivity(subProcess);
          ExecutionListener closed = execution -> removeTimers((ExecutionEntity) execution, subProcess, timerStarts);
          for (PvmTransition flow : activity.getOutgoingTransitions()) {
            ((TransitionImpl) flow).addListener(ExecutionListener.EVENTNAME_TAKE, closed);
          }
        });
      }
    });
  }

  /** The timers of the subprocess's event subprocesses, on the event scopes it left behind. */
  private static void removeTimers(ExecutionEntity execution, String subProcess, Set<String> timerStarts) {
    for (PvmExecutionImpl child : List.copyOf(execution.getEventScopeExecutions())) {
      ExecutionEntity eventScope = (ExecutionEntity) child;
      if (!subProcess.equals(eventScope.getActivityId())) {
        continue;
      }
      for (JobEntity job : List.copyOf(eventScope.getJobs())) {
        if (TIMER_START_OF_EVENT_SUBPROCESS.equals(job.getJobHandlerType()) && timerStarts.contains(job.getActivityId())) {
          log.debug("{} has completed: its timer {} is removed", subProcess, job.getActivityId());
          job.delete();
        }
      }
    }
  }

  /** Each subprocess with event subprocesses that start on a timer, and the ids of those timer start events. */
  private static Map<String, Set<String>> timerStartsBySubprocess(Element scope) {
    Map<String, Set<String>> found = new java.util.HashMap<>();
    for (Element subProcess : scope.elements("subProcess")) {
      Set<String> timerStarts = subProcess.elements("subProcess").stream()
          .filter(inner -> "true".equals(inner.attribute("triggeredByEvent")))
          .flatMap(inner -> inner.elements("startEvent").stream())
          .filter(start -> start.element("timerEventDefinition") != null)
          .map(start -> start.attribute("id"))
          .collect(Collectors.toSet());
      if (!timerStarts.isEmpty() && !"true".equals(subProcess.attribute("triggeredByEvent"))) {
        found.put(subProcess.attribute("id"), timerStarts);
      }
      found.putAll(timerStartsBySubprocess(subProcess));
    }
    return found;
  }
}
