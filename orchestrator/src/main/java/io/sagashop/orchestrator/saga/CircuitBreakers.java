package io.sagashop.orchestrator.saga;

import org.springframework.cloud.openfeign.CircuitBreakerNameResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service the saga calls, named after it ("payment-service"): when a
 * service is down, all its steps fail fast together, and the breaker's name in health, metrics and
 * incident messages says which service it is.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakers {

  @Bean
  CircuitBreakerNameResolver circuitBreakerPerService() {
    return (feignClientName, target, method) -> feignClientName;
  }
}
