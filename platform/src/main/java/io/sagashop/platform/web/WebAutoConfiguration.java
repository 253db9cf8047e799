package io.sagashop.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The same problem+json answers to bad input in every service, and the orderId of a request in its
 * log lines. Runs before Spring MVC's own auto-configuration, whose default problem-details handler
 * then steps aside.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

  /** First in the chain, so that even a refused request's lines name the order. */
  @Bean
  FilterRegistrationBean<RequestOrderIdLogging> requestOrderIdLogging() {
    FilterRegistrationBean<RequestOrderIdLogging> registration = new FilterRegistrationBean<>(new RequestOrderIdLogging());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Before anything reads a body, and before the caller's token is checked: a huge body costs nothing. */
  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
      @Value("${sagashop.web.max-request-body:256KB}") DataSize limit, ObjectMapper json) {
    FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limit.toBytes(), json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
