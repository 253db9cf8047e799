package io.sagashop.orchestrator.contract;

import io.sagashop.payment.contract.PaymentAmounts;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A customer's cancellation, with the order as order-service knows it: enough to start the saga
 * and cancel it at once when the cancellation comes before OrderPlaced.
 */
public record CancellationRequest(
    @NotBlank String productId,
    @NotNull @Min(1) Integer quantity,
    @NotNull @DecimalMin(PaymentAmounts.MIN_AMOUNT) @Digits(integer = 7, fraction = 2) BigDecimal amount,
    @Size(max = 500) String note) {}
