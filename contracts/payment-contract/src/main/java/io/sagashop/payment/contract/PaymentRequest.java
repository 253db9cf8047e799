package io.sagashop.payment.contract;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Open a bank-transfer payment of {@code amount} for the order named in the path. */
public record PaymentRequest(
    @NotNull @DecimalMin(PaymentAmounts.MIN_AMOUNT) @DecimalMax(PaymentAmounts.MAX_AMOUNT) @Digits(integer = 7, fraction = 2)
        BigDecimal amount) {}
