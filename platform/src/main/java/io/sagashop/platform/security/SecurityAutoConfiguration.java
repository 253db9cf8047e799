package io.sagashop.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.client.ClientsConfiguredCondition;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service answers only callers with a token of the shop's identity provider, checked
 * against its issuer ({@code SAGASHOP_IDENTITY_ISSUER}, which must be a URL) and keys. Open: the health probes; closed
 * by default: anything a service's {@link EndpointRules} do not name. No sessions, no cookies, so
 * no CSRF to defend: a browser never sends a bearer token on its own. A token's signature is
 * checked once and the token remembered until it expires ({@link VerifiedTokens}).
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

  /**
   * Takes the {@link IssuerSetting} so that a service with no usable issuer stops before it serves.
   * The keys are found by discovery from the issuer on the first call (Spring Boot's lazy decoder),
   * so that a service starts while the provider is down; a call that meets the provider down then
   * answers 503 (not 500, nor 401 to a caller whose token may well be good).
   */
  @Bean
  SecurityFilterChain shopSecurity(HttpSecurity http, ObjectProvider<EndpointRules> rules, ObjectMapper json, IssuerSetting issuer, JwtDecoder decoder)
      throws Exception {
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
            .jwt(jwt -> jwt.decoder(new ProviderDownAware(new VerifiedTokens(decoder, Clock.systemUTC()))).jwtAuthenticationConverter(new ShopTokenAuthorities()))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems)
            .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
              @Override
              public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                // by default an AuthenticationServiceException (no keys) is thrown on, and becomes a 500
                filter.setAuthenticationFailureHandler(problems);
                return filter;
              }
            }))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  /** The services that call others with a token of their own find their clients' endpoints from the issuer. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ClientRegistrationRepository.class)
  @Conditional(ClientsConfiguredCondition.class)
  @EnableConfigurationProperties(OAuth2ClientProperties.class)
  static class ServiceClients {

    @Bean
    @ConditionalOnMissingBean(ClientRegistrationRepository.class)
    DiscoveredClientRegistrations clientRegistrationRepository(OAuth2ClientProperties properties, IssuerSetting issuer) {
      return new DiscoveredClientRegistrations(properties, issuer.issuer().toString());
    }
  }

  /**
   * Spring Boot's decoder reports a provider it could not reach for discovery with an exception
   * that is no JwtException, which would end the request as a 500; as a JwtException it becomes
   * the AuthenticationServiceException that {@link ProblemAnswers} answers with 503.
   */
  private record ProviderDownAware(JwtDecoder decoder) implements JwtDecoder {

    @Override
    public Jwt decode(String token) {
      try {
        return decoder.decode(token);
      } catch (JwtDecoderInitializationException providerDown) {
        throw new JwtException("The identity provider cannot be reached for its keys", providerDown);
      }
    }
  }
}
