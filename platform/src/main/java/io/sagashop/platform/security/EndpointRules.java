package io.sagashop.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which of a service's endpoints. Each service declares its own as a bean; a request
 * no rule names is refused, so a new endpoint is closed until someone says who it is for.
 */
@FunctionalInterface
public interface EndpointRules {

  void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
