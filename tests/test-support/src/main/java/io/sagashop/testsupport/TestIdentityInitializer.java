package io.sagashop.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a service under test at {@link TestIdentity}: its tokens' issuer, and its token endpoint for the service's own calls. */
public class TestIdentityInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of("SAGASHOP_IDENTITY_ISSUER=" + TestIdentity.issuer(), "SAGASHOP_CLIENT_SECRET=test-client-secret")
        .applyTo(context.getEnvironment());
  }
}
