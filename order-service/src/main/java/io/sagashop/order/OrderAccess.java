package io.sagashop.order;

import io.sagashop.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorityAuthorizationManager;

/**
 * The page and the catalog are open to every visitor; orders need a signed-in customer whose token
 * was issued for the shop page (scope {@code orders}). The saga's steps are for the orchestrator,
 * rebuilding the view for operators.
 */
@Configuration(proxyBeanMethods = false)
class OrderAccess {

  @Bean
  EndpointRules orderEndpoints() {
    return requests -> requests
        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/app.js", "/app.css", "/favicon.ico", "/catalog", "/page-settings").permitAll()
        .requestMatchers("/orders", "/orders/**").access(AuthorizationManagers.allOf(
            AuthorityAuthorizationManager.hasAuthority("SCOPE_orders"), AuthorityAuthorizationManager.hasRole("CUSTOMER")))
        .requestMatchers("/internal/orders/**").hasAuthority("SCOPE_orders.saga")
        .requestMatchers(HttpMethod.POST, "/internal/order-view/rebuild").hasRole("OPERATOR");
  }
}
