package io.sagashop.order.contract;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The data of OrderPlaced: the order as the customer placed it, priced by the catalog at that
 * moment. The saga starts from it; the amount has whole cents.
 */
public record OrderPlaced(
    UUID orderId,
    String customerId,
    @NotBlank String productId,
    String productName,
    @NotNull @Min(1) Integer quantity,
    BigDecimal unitPrice,
    @NotNull @Digits(integer = 7, fraction = 2) BigDecimal amount) {}
