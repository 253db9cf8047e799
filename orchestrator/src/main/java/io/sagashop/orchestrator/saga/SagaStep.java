package io.sagashop.orchestrator.saga;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A step of the saga that calls a service, for the order of its saga (its business key) with the
 * facts stored when the saga started ({@link StartedOrders}); a variable that no longer says the same
 * stops the step with an incident naming it. A failure leaves the step with a message an operator
 * can act on: it becomes the job's exception and, once the retries are spent, the incident message
 * in Cockpit ("Request bank transfer failed for order 42…: payment-service is unreachable ... [trace 4bf9…]"),
 * with the trace that shows the order's way up to here.
 * Business outcomes ({@link BpmnError}) pass through untouched.
 */
public abstract class SagaStep implements JavaDelegate {

  private final StartedOrders orders;

  protected SagaStep(StartedOrders orders) {
    this.orders = orders;
  }

  @Override
  public final void execute(DelegateExecution execution) throws Exception {
    try {
      run(execution, orders.factsOf(execution));
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

  /**
   * Calls one service for the order, writes what the process needs back. The order and its facts
   * come from what the saga stored when it started, never from a variable a person could change.
   */
  protected abstract void run(DelegateExecution execution, OrderFacts order);

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
