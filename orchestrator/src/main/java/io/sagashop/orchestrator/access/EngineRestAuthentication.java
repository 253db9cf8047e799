package io.sagashop.orchestrator.access;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers callers with a staff token of the shop's identity provider (see
 * {@link OrchestratorAccess}); Camunda learns who they are and their groups from the token
 * ({@link TokenCaller}), and its authorizations decide what each may see and do, as in the webapps.
 * No password of Camunda's is ever checked, so no storm of wrong ones can lock anybody out.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, TokenCaller.class.getName());
    return registration;
  }
}
