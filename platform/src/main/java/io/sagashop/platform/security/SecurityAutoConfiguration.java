package io.sagashop.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service answers only callers with a token of the shop's identity provider, checked
 * against its issuer ({@code SAGASHOP_IDENTITY_ISSUER}, which must be a URL) and keys. Open: the health probes; closed
 * by default: anything a service's {@link EndpointRules} do not name. No sessions, no cookies, so
 * no CSRF to defend: a browser never sends a bearer token on its own.
 */
@AutoConfiguration(
    before = {
      org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration.class,
      OAuth2ResourceServerAutoConfiguration.class,
      OAuth2ClientAutoConfiguration.class,
      ManagementWebSecurityAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityAutoConfiguration {

  @Bean
  IssuerSetting issuerSetting(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
    return IssuerSetting.of(issuer);
  }

  /** Takes the {@link IssuerSetting} so that a service with no usable issuer stops before it serves. */
  @Bean
  SecurityFilterChain shopSecurity(HttpSecurity http, ObjectProvider<EndpointRules> rules, ObjectMapper json, IssuerSetting issuer) throws Exception {
    ProblemAnswers problems = new ProblemAnswers(json);
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
          // Scraped by Prometheus on the management port, which no Service and so no Ingress publishes.
          requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
          requests.requestMatchers("/error").permitAll();
          rules.orderedStream().forEach(rule -> rule.authorize(requests));
          requests.anyRequest().denyAll();
        })
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(new ShopTokenAuthorities()))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }
}
