package io.sagashop.orchestrator.saga;

/**
 * A process variable that copies a fact of the order (for Cockpit, Tasklist's form and the gateways)
 * no longer says what the saga started with: somebody changed it. The step refuses to run, so an
 * operator sees an incident naming the variable instead of a call made with the wrong order.
 */
public class OrderFactChangedException extends IllegalStateException {

  OrderFactChangedException(String variable, Object fact, Object value) {
    super("the variable " + variable + " was changed to " + value + ", but the order's " + variable + " is " + fact
        + "; the step acts on the order as the saga started it. Set the variable back to " + fact
        + " (Cockpit, the instance's Variables tab), then retry.");
  }
}
