package io.sagashop.payment.transfer;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where customers transfer their money.
 *
 * @param bankAccount the shop's account (IBAN), shown with every payment
 * @param referencePrefix the start of every transfer reference, so the seller spots the shop's transfers
 * @param orderEventsTopic where OrderCanceled comes from
 */
@Validated
@ConfigurationProperties("sagashop.payment")
record BankTransferProperties(@NotBlank String bankAccount, @NotBlank String referencePrefix, @NotBlank String orderEventsTopic) {}
