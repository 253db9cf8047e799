package io.sagashop.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context's data source at a fresh database on the shared test PostgreSQL. */
public class TestPostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String application = context.getEnvironment().getProperty("spring.application.name", "service");
    TestPropertyValues.of(
            "spring.datasource.url=" + TestPostgres.newDatabase(application.toLowerCase()),
            "spring.datasource.username=postgres",
            "spring.datasource.password=")
        .applyTo(context.getEnvironment());
  }
}
