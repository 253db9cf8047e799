package io.sagashop.orchestrator.saga;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A step of the saga that calls a service. A failure leaves the step with a message an operator
 * can act on: it becomes the job's exception and, once the retries are spent, the incident message
 * in Cockpit ("Request bank transfer failed for order 42…: payment-service is unreachable ... [trace 4bf9…]"),
 * with the trace that shows the order's way up to here.
 * Business outcomes ({@link BpmnError}) pass through untouched.
 */
public abstract class SagaStep implements JavaDelegate {

  @Override
  public final void execute(DelegateExecution execution) throws Exception {
    try {
      run(execution);
    } catch (BpmnError businessOutcome) {
      throw businessOutcome;
    } catch (RuntimeException failure) {
      String traceId = SagaVariables.traceId(execution);
      throw new SagaStepFailedException(
          execution.getCurrentActivityName() + " failed for order " + execution.getBusinessKey() + ": "
              + StepFailures.describe(failure) + (traceId == null ? "" : " [trace " + traceId + "]"),
          failure);
    }
  }

  /** Reads the variables it needs, calls one service, writes what the process needs back. */
  protected abstract void run(DelegateExecution execution);

  /** The first cause of the given type, however deeply a client library wrapped it. */
  public static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
    }
    return Optional.empty();
  }

  /** The failure of a step, its message written for the operator who sees the incident. */
  public static class SagaStepFailedException extends RuntimeException {

    SagaStepFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
