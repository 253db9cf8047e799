package io.sagashop.payment;

import io.sagashop.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Payments are the saga's steps: only the orchestrator moves them; operators may read them. */
@Configuration(proxyBeanMethods = false)
class PaymentAccess {

  @Bean
  EndpointRules paymentEndpoints() {
    return requests -> requests
        .requestMatchers(HttpMethod.GET, "/payments/*").hasAnyAuthority("SCOPE_payments.saga", "ROLE_OPERATOR")
        .requestMatchers("/payments/**").hasAuthority("SCOPE_payments.saga");
  }
}
