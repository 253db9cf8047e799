package io.sagashop.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * What every service adds to Boot's tracing: the current trace as a value that can be stored, and no
 * spans for the probes (a kubelet asking every few seconds would bury the orders' traces).
 */
@AutoConfiguration
public class TracingAutoConfiguration {

  @Bean
  CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return new CurrentTrace(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
  }

  @Bean
  ObservationPredicate noTracesOfProbes() {
    return (name, context) -> !(context instanceof ServerRequestObservationContext request
        && request.getCarrier().getRequestURI().startsWith("/actuator"));
  }
}
