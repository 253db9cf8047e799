package io.sagashop.orchestrator.saga;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.sagashop.platform.tracing.CurrentTrace;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.stereotype.Component;

/**
 * Each step of the saga that runs a delegate (a service call, an event, a compensation) is observed:
 * a span in the order's trace, continued from the saga's {@code traceparent} variable, since a job
 * runs on the engine's own thread, maybe much later and on another orchestrator; and a timer
 * {@code sagashop.saga.step} by step and outcome (done, failed, or the BPMN error it ended with). Calls the step makes (Feign, the outbox) are that
 * span's children. Installed as the engine's delegate interceptor, around the engine's own.
 */
@Component
class SagaStepObservation extends AbstractProcessEnginePlugin {

  static final String NAME = "sagashop.saga.step";
  static final String OUTCOME = "outcome";

  private final ObservationRegistry registry;

  SagaStepObservation(ObservationRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DelegateInterceptor engines = configuration.getDelegateInterceptor();
    configuration.setDelegateInterceptor(invocation -> observe(invocation, engines));
  }

  private void observe(DelegateInvocation invocation, DelegateInterceptor engines) throws Exception {
    if (!(invocation instanceof JavaDelegateInvocation) || !(invocation.getContextExecution() instanceof DelegateExecution step)) {
      engines.handleInvocation(invocation);
      return;
    }
    Object traceparent = step.getVariable(SagaVariables.TRACEPARENT);
    ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
    context.setCarrier(traceparent instanceof String parent ? Map.of(CurrentTrace.TRACEPARENT, parent) : Map.of());
    context.setRemoteServiceName("order-saga");
    Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
        .contextualName(step.getCurrentActivityName())
        .lowCardinalityKeyValue("step", String.valueOf(step.getCurrentActivityId()))
        .highCardinalityKeyValue("orderId", String.valueOf(step.getBusinessKey()))
        .start();
    try (Observation.Scope scope = observation.openScope()) {
      engines.handleInvocation(invocation);
      observation.lowCardinalityKeyValue(OUTCOME, "done");
    } catch (BpmnError businessOutcome) {
      // out of stock, for instance: the saga takes another path, nothing failed
      observation.lowCardinalityKeyValue(OUTCOME, businessOutcome.getErrorCode());
      throw businessOutcome;
    } catch (Exception | Error failure) {
      observation.lowCardinalityKeyValue(OUTCOME, "failed").error(failure);
      throw failure;
    } finally {
      observation.stop();
    }
  }
}
