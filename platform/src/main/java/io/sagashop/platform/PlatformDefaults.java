package io.sagashop.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code sagashop-platform-defaults.yml} behind every other property source, so that the
 * operational settings (probes, graceful shutdown, Kafka durability, log pattern) are written
 * once for all services and each service's own configuration still wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

  static final String RESOURCE = "sagashop-platform-defaults.yml";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    try {
      new YamlPropertySourceLoader()
          .load("sagashopPlatformDefaults", new ClassPathResource(RESOURCE))
          .forEach(source -> environment.getPropertySources().addLast(source));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
