package io.sagashop.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The beans the process model names, doing nothing but telling the driver, once the transaction
 * that reached a wait state has committed, that the saga waits there: for the seller
 * ({@link Wait#DEPOSIT}), for delivery-service ({@link Wait#DELIVERY}), for the customer
 * ({@link Wait#RECEIPT}), or that it is closed. In the shop those are the services' answers
 * arriving over Kafka; here they come back at once.
 */
final class NoOpSteps {

  enum Wait { DEPOSIT, DELIVERY, RECEIPT, CLOSED }

  private NoOpSteps() {}

  /** The beans by the names in the model, reporting each wait state (business key, wait) to {@code waits}. */
  static Map<Object, Object> beans(BiConsumer<String, Wait> waits) {
    Map<Object, Object> beans = new HashMap<>();
    JavaDelegate nothing = execution -> { };
    for (String step : new String[] {"decreaseStock", "restoreStock", "recordDeposit", "cancelPayment", "requestDelivery",
        "cancelDelivery", "markOrderCancelled"}) {
      beans.put(step, nothing);
    }
    beans.put("requestBankTransfer", (JavaDelegate) execution -> afterCommit(execution, Wait.DEPOSIT, waits));
    beans.put("closeOrder", (JavaDelegate) execution -> afterCommit(execution, Wait.CLOSED, waits));
    beans.put("orderFactsGuard", (TaskListener) (DelegateTask task) -> { });
    beans.put("inboxDelivery", (ExecutionListener) execution -> {
      switch (execution.getCurrentActivityId()) {
        case "Gateway_AwaitDelivery" -> afterCommit(execution, Wait.DELIVERY, waits);
        case "Gateway_AwaitReceipt" -> afterCommit(execution, Wait.RECEIPT, waits);
        default -> { }
      }
    });
    beans.put("sagaTimers", new Timers());
    return beans;
  }

  private static void afterCommit(DelegateExecution execution, Wait wait, BiConsumer<String, Wait> waits) {
    String order = execution.getProcessBusinessKey();
    Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> waits.accept(order, wait));
  }

  /** The shop's deadlines, long enough that no timer fires during a run. */
  public static final class Timers {

    public String getDepositDeadline() {
      return "P3D";
    }

    public String getDeliveryDeadline() {
      return "P2D";
    }

    public String getReceiptDeadline() {
      return "P14D";
    }

    public String getRetryCycle() {
      return "PT5S,PT10S,PT30S,PT1M,PT5M";
    }
  }
}
