package io.sagashop.orchestrator.saga;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Records which flow nodes a token entered and which sequence flows it took, on the in-memory
 * engine of the process tests (registered in order-saga-process-test.cfg.xml). It listens on the
 * engine's own model, so it works the same on Camunda 7 and on Operaton, where
 * camunda-process-test-coverage (the HTML report) does not exist. {@link FullProcessCoverage}
 * reads it.
 */
public class ProcessCoverage extends AbstractProcessEnginePlugin {

  private static final Set<String> passed = ConcurrentHashMap.newKeySet();
  private static final ExecutionListener ENTERED = execution -> passed.add(execution.getCurrentActivityId());
  private static final ExecutionListener TAKEN = execution -> passed.add(execution.getCurrentTransitionId());

  static Set<String> passed() {
    return Set.copyOf(passed);
  }

  static void forget() {
    passed.clear();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterParsing(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        listenOn(definition);
        listenOnEventGatewayFlows(process, definition);
      }
    });
  }

  private static void listenOn(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      activity.addListener(ExecutionListener.EVENTNAME_START, ENTERED);
      for (PvmTransition flow : activity.getOutgoingTransitions()) {
        ((TransitionImpl) flow).addListener(ExecutionListener.EVENTNAME_TAKE, TAKEN);
      }
      listenOn(activity);
    }
  }

  /**
   * The engine's model has no flows out of an event-based gateway (the event that happens is
   * entered directly): entering such an event counts as passing its one incoming flow.
   */
  private static void listenOnEventGatewayFlows(Element scope, ProcessDefinitionEntity definition) {
    Set<String> gateways = scope.elements("eventBasedGateway").stream().map(gateway -> gateway.attribute("id")).collect(Collectors.toSet());
    for (Element flow : scope.elements("sequenceFlow")) {
      if (gateways.contains(flow.attribute("sourceRef"))) {
        String id = flow.attribute("id");
        definition.findActivity(flow.attribute("targetRef")).addListener(ExecutionListener.EVENTNAME_START, execution -> passed.add(id));
      }
    }
    scope.elements("subProcess").forEach(subProcess -> listenOnEventGatewayFlows(subProcess, definition));
  }
}
