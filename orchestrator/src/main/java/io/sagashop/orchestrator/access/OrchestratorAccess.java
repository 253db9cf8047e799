package io.sagashop.orchestrator.access;

import io.sagashop.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customers' requests reach the saga through order-service only (it owns the order and checks
 * that the customer does). Cockpit, Tasklist, Admin and the engine REST API keep Camunda's own
 * sign-in and authorizations ({@link EngineRestAuthentication}, {@link ShopUsers}).
 */
@Configuration(proxyBeanMethods = false)
class OrchestratorAccess {

  @Bean
  EndpointRules orchestratorEndpoints() {
    return requests -> requests
        .requestMatchers("/saga/orders/**").hasAuthority("SCOPE_saga.requests")
        .requestMatchers("/", "/camunda/**", "/engine-rest/**").permitAll();
  }
}
