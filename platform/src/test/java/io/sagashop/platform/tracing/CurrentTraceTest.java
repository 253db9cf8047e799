package io.sagashop.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

/** The trace written down for later (an event in the outbox, a saga's jobs) is the one in scope, as W3C traceparent. */
class CurrentTraceTest {

  private final io.opentelemetry.api.trace.Tracer otel = SdkTracerProvider.builder().build().get("test");
  private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
  private final CurrentTrace current = new CurrentTrace(tracer,
      new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

  @Test
  void shouldWriteDownTheSpanInScope() {
    Span span = tracer.nextSpan().name("place order").start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      assertThat(current.traceparent()).hasValue("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
      assertThat(CurrentTrace.traceIdOf(current.traceparent().orElseThrow())).hasValue(span.context().traceId());
    } finally {
      span.end();
    }
  }

  @Test
  void shouldWriteDownNothingOutsideAnySpanOrWithTracingOff() {
    assertThat(current.traceparent()).isEmpty();
    assertThat(new CurrentTrace(Tracer.NOOP, Propagator.NOOP).traceparent()).isEmpty();
  }

  @Test
  void shouldFindNoTraceIdInWhatIsNoTraceparent() {
    assertThat(CurrentTrace.traceIdOf(null)).isEmpty();
    assertThat(CurrentTrace.traceIdOf("not-a-trace")).isEmpty();
  }
}
