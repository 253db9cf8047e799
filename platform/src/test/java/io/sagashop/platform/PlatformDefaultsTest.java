package io.sagashop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The platform's defaults as a service imports them (test resource service-like/application.yml). */
class PlatformDefaultsTest {

  private static Environment environment;

  @BeforeAll
  static void startLikeAService() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.location=classpath:service-like/")
        .run()) {
      environment = context.getEnvironment();
    }
  }

  @Test
  void shouldGiveEveryServiceProbesAndDurableKafkaProducers() {
    assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
    assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
    assertThat(environment.getProperty("spring.kafka.consumer.enable-auto-commit")).isEqualTo("false");
    assertThat(environment.getProperty("spring.kafka.consumer.group-id")).as("resolved with the service's name").isEqualTo("service-like");
  }

  @Test
  void shouldLetAServicesOwnSettingWin() {
    assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
  }

  @Configuration(proxyBeanMethods = false)
  static class Nothing {}
}
