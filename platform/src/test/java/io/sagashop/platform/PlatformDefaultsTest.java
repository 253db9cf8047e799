package io.sagashop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

  @Test
  void shouldGiveEveryServiceGracefulShutdownProbesAndDurableKafkaProducers() {
    StandardEnvironment environment = new StandardEnvironment();

    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
    assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
    assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
    assertThat(environment.getProperty("spring.kafka.consumer.enable-auto-commit")).isEqualTo("false");
  }

  @Test
  void shouldLetAServicesOwnSettingWin() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of("server.shutdown", "immediate")));

    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
  }
}
