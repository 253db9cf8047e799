package io.sagashop.orchestrator.access;

import io.sagashop.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customers' requests reach the saga through order-service only (it owns the order and checks
 * that the customer does). The engine REST API answers staff tokens (sellers and operators); what
 * each may do there Camunda's authorizations decide ({@link EngineRestAuthentication}, {@link
 * StaffAuthorizations}). Cockpit, Tasklist and Admin have a chain of their own ({@link WebappsSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class OrchestratorAccess {

  @Bean
  EndpointRules orchestratorEndpoints() {
    return requests -> requests
        .requestMatchers("/saga/orders/**").hasAuthority("SCOPE_saga.requests")
        .requestMatchers("/engine-rest/**").hasAnyRole("SELLER", "OPERATOR")
        .requestMatchers("/internal/saga/migrations/**", "/internal/saga/migrations").hasRole("OPERATOR")
        // redirects to the webapps
        .requestMatchers("/").permitAll();
  }
}
