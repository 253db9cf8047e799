package io.sagashop.inventory.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Take {@code quantity} of {@code productId} for the order named in the path. */
public record StockDecreaseRequest(@NotBlank String productId, @NotNull @Min(1) @Max(1000) Integer quantity) {}
