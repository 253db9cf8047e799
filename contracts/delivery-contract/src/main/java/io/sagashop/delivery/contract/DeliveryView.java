package io.sagashop.delivery.contract;

import java.time.Instant;
import java.util.UUID;

/** A delivery as delivery-service's API answers it and its DeliveryStarted event carries it. */
public record DeliveryView(
    UUID orderId, String productId, int quantity, DeliveryStatus status, String carrier, String trackingNumber, Instant startedAt) {}
