package io.sagashop.orchestrator.saga;

import org.springframework.stereotype.Component;

/**
 * The deadlines as the BPMN timers read them: {@code ${sagaTimers.depositDeadline}},
 * {@code ${sagaTimers.deliveryDeadline}} and {@code ${sagaTimers.receiptDeadline}}, ISO-8601 durations.
 */
@Component("sagaTimers")
public class SagaTimers {

  private final SagaDeadlines deadlines;

  public SagaTimers(SagaDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  public String getDepositDeadline() {
    return deadlines.depositDeadline().toString();
  }

  public String getDeliveryDeadline() {
    return deadlines.deliveryDeadline().toString();
  }

  public String getReceiptDeadline() {
    return deadlines.receiptDeadline().toString();
  }

  /** Read by every step's {@code camunda:failedJobRetryTimeCycle}. */
  public String getRetryCycle() {
    return deadlines.retryCycle();
  }
}
