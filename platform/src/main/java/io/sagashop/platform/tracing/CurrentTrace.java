package io.sagashop.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trace an order's work belongs to, written down where no HTTP or Kafka header reaches: an
 * event waiting in the outbox (sent after commit, or again after a restart) and the saga's jobs,
 * which run later on the engine's threads. Carried as a W3C {@code traceparent}, the CloudEvents
 * distributed-tracing attribute.
 */
public class CurrentTrace {

  /** The W3C Trace Context header, also the name of the Kafka header and of the envelope's field. */
  public static final String TRACEPARENT = "traceparent";

  private final Tracer tracer;
  private final Propagator propagator;

  public CurrentTrace(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The span in scope as {@code 00-<traceId>-<spanId>-<flags>}, or empty outside any span (or with tracing off). */
  public Optional<String> traceparent() {
    Span span = tracer.currentSpan();
    if (span == null || span.isNoop()) {
      return Optional.empty();
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(span.context(), carrier, Map::put);
    return Optional.ofNullable(carrier.get(TRACEPARENT));
  }

  /** The trace id of a {@code traceparent}: what Zipkin finds the trace by. */
  public static Optional<String> traceIdOf(String traceparent) {
    String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
    return parts.length == 4 && parts[1].length() == 32 ? Optional.of(parts[1]) : Optional.empty();
  }
}
