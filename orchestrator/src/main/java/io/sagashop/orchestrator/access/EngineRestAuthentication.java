package io.sagashop.orchestrator.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers callers with a staff token of the shop's identity provider (see
 * {@link OrchestratorAccess}); Camunda learns who they are and their groups from the token
 * ({@link TokenCaller}), and its authorizations decide what each may see and do, as in the webapps.
 * No password of Camunda's is ever checked, so no storm of wrong ones can lock anybody out. What a
 * seller may call at all, on this API and the webapps' copy of it, {@link EngineApiGuard} decides first.
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

  /** Sellers make only the calls Tasklist needs, on both mounts of the engine's API ({@link EngineApiGuard}). */
  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(TaskService tasks, ObjectMapper json, CamundaBpmProperties camunda) {
    String webapps = camunda.getWebapp().getApplicationPath();
    var registration = new FilterRegistrationBean<>(new EngineApiGuard(tasks, json, webapps));
    registration.setName("engine-api-guard");
    registration.addUrlPatterns("/engine-rest/*", webapps + "/api/engine/*");
    // after Spring Security's chains have signed the caller in, before the engine learns who calls
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
