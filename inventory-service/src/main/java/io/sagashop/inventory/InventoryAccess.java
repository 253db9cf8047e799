package io.sagashop.inventory;

import io.sagashop.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The catalog is read by order-service (which shows it to customers and prices orders) and by
 * staff; only sellers and operators change products and stock. Stock decreases and restorations
 * are the saga's steps, for the orchestrator alone.
 */
@Configuration(proxyBeanMethods = false)
class InventoryAccess {

  @Bean
  EndpointRules inventoryEndpoints() {
    return requests -> requests
        .requestMatchers(HttpMethod.GET, "/products", "/products/*").hasAnyAuthority("SCOPE_catalog.read", "ROLE_SELLER", "ROLE_OPERATOR")
        .requestMatchers(HttpMethod.PUT, "/products/*", "/products/*/stock").hasAnyRole("SELLER", "OPERATOR")
        .requestMatchers("/stock-decreases/**").hasAuthority("SCOPE_stock.saga");
  }
}
