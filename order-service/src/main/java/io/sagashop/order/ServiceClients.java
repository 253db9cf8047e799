package io.sagashop.order;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The calls to the catalog and the orchestrator, and the scheduled work (the view's generation check,
 * the outbox's resubmission). Apart from the application class, as Spring Boot advises, so that a
 * {@code @WebMvcTest} slice does not try to build clients it has no configuration for.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients
@EnableScheduling
class ServiceClients {}
