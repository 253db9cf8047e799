package io.sagashop.payment.transfer;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where customers transfer their money. The account has no default: a shop that forgot to set it
 * must not start, and neither must one that kept the sample account of the docs and the local
 * stack, into which real customers would pay.
 *
 * @param bankAccount the shop's account (IBAN), shown with every payment
 * @param referencePrefix the start of every transfer reference, so the seller spots the shop's transfers
 * @param orderEventsTopic where OrderCanceled comes from
 * @param sampleAccountAllowed true only where no real customer pays: the local stack and the tests
 */
@Validated
@ConfigurationProperties("sagashop.payment")
record BankTransferProperties(
    @NotBlank(message = "set SAGASHOP_PAYMENT_BANK_ACCOUNT to the shop's bank account (IBAN)")
    @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,40}", message = "SAGASHOP_PAYMENT_BANK_ACCOUNT must be an IBAN, e.g. DE89 3704 0044 0532 0130 00")
    String bankAccount,
    // A reference is the prefix, a dash and at least eleven characters, in a column of 32.
    @NotBlank @Pattern(regexp = "[A-Z0-9]{1,12}", message = "the transfer reference prefix is one to twelve capital letters or digits") String referencePrefix,
    @NotBlank String orderEventsTopic,
    boolean sampleAccountAllowed) {

  /** The account of the docs and the local stack (a well-known test IBAN). */
  static final String SAMPLE_ACCOUNT = "DE02 1203 0000 0000 2020 51";

  @AssertFalse(message = "SAGASHOP_PAYMENT_BANK_ACCOUNT is the sample account of the docs (" + SAMPLE_ACCOUNT
      + "): customers would pay into it. Set the shop's own account.")
  boolean isTheSampleAccountInUse() {
    return !sampleAccountAllowed && bankAccount != null
        && bankAccount.replace(" ", "").equalsIgnoreCase(SAMPLE_ACCOUNT.replace(" ", ""));
  }
}
