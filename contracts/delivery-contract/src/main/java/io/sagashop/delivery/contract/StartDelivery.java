package io.sagashop.delivery.contract;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The data of the StartDelivery command: what to ship for the order the command is keyed by. */
public record StartDelivery(@NotBlank String productId, @NotNull @Min(1) Integer quantity) {}
