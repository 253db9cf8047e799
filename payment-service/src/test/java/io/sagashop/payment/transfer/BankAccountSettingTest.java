package io.sagashop.payment.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Customers transfer real money to the account payment-service shows them: a production start
 * without the shop's own account, or with the docs' sample account, must fail and say why.
 */
class BankAccountSettingTest {

  private final ApplicationContextRunner payments = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(BankTransfer.class)
      .withPropertyValues("sagashop.payment.reference-prefix=SAGA", "sagashop.payment.order-events-topic=order.events");

  @Test
  void shouldRefuseToStartWithoutAnAccount() {
    payments.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
        .hasMessageContaining("set SAGASHOP_PAYMENT_BANK_ACCOUNT to the shop's bank account"));
  }

  @Test
  void shouldRefuseToStartWithTheSampleAccountOfTheDocs() {
    payments.withPropertyValues("sagashop.payment.bank-account=DE02120300000000202051")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("is the sample account of the docs (DE02 1203 0000 0000 2020 51): customers would pay into it"));
  }

  @Test
  void shouldRefuseToStartWithAPlaceholderForTheAccount() {
    payments.withPropertyValues("sagashop.payment.bank-account=CHANGE_ME")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("SAGASHOP_PAYMENT_BANK_ACCOUNT must be an IBAN"));
  }

  @Test
  void shouldStartWithTheShopsOwnAccount() {
    payments.withPropertyValues("sagashop.payment.bank-account=DE89 3704 0044 0532 0130 00")
        .run(context -> assertThat(context.getBean(BankTransferProperties.class).bankAccount()).isEqualTo("DE89 3704 0044 0532 0130 00"));
  }

  @Test
  void shouldAllowTheSampleAccountWhereNobodyPaysForReal() {
    payments.withPropertyValues("sagashop.payment.bank-account=DE02 1203 0000 0000 2020 51", "sagashop.payment.sample-account-allowed=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(BankTransferProperties.class)
  static class BankTransfer {}
}
