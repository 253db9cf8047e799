package io.sagashop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The seller's password opens Tasklist and the catalog: the provider does not start with none, or with her name as one. */
class StaffPasswordSettingTest {

  private final ApplicationContextRunner identity = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Identity.class)
      .withPropertyValues("sagashop.identity.signing-key=file:/nowhere.pem",
          "sagashop.identity.staff[0].username=seller", "sagashop.identity.staff[0].role=SELLER");

  @Test
  void shouldRefuseToStartWithoutTheSellersPassword() {
    identity.run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("staff[0].password"));
  }

  @Test
  void shouldRefuseToStartWhenThePasswordIsTheName() {
    identity.withPropertyValues("sagashop.identity.staff[0].password=seller")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("a staff member's password must not be their name"));
  }

  @Test
  void shouldStartWithAPasswordOfItsOwn() {
    identity.withPropertyValues("sagashop.identity.staff[0].password=a-real-secret", "sagashop.identity.staff[0].groups=sellers")
        .run(context -> assertThat(context.getBean(IdentityProperties.class).staff().get(0).groups()).containsExactly("sellers"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IdentityProperties.class)
  static class Identity {}
}
