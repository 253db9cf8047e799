package io.sagashop.delivery;

import io.sagashop.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** A delivery is read by the orchestrator (before it takes a receipt) and by operators. Deliveries start from Kafka commands, not HTTP. */
@Configuration(proxyBeanMethods = false)
class DeliveryAccess {

  @Bean
  EndpointRules deliveryEndpoints() {
    return requests -> requests
        .requestMatchers(HttpMethod.GET, "/deliveries/*").hasAnyAuthority("SCOPE_deliveries.read", "ROLE_OPERATOR");
  }
}
