package io.sagashop.orchestrator.contract;

/** What became of a cancellation the saga did not refuse. */
public enum CancellationOutcome {
  /** Taken now: the saga leaves the payment window, and the order ends cancelled shortly. */
  ACCEPTED,
  /** The order was cancelled before; nothing new happens. */
  ALREADY_CANCELLED
}
