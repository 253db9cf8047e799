package io.sagashop.delivery.shipping;

import java.time.Instant;
import java.util.UUID;

/** The data of DeliveryCancelled: this order's goods will never be shipped. */
record DeliveryCancellation(UUID orderId, Instant cancelledAt) {}
