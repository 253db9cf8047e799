package io.sagashop.platform.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.codec.ErrorDecoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * For the services that call others over Feign (the orchestrator, order-service): every client
 * turns the problem types of the other side's contract into {@link ProblemAnswer}s. Spring Cloud
 * OpenFeign takes an {@link ErrorDecoder} bean of the application for all its clients.
 */
@AutoConfiguration
@ConditionalOnClass(ErrorDecoder.class)
public class ClientAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ErrorDecoder problemErrorDecoder(ObjectMapper json) {
    return new ProblemErrorDecoder(json);
  }
}
