package io.sagashop.order.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a customer sees of one order on one screen, read from the precomputed view.
 *
 * @param transferInstructions where to send the money, shown only while the deposit is awaited
 */
public record OrderScreen(
    UUID orderId,
    String customerId,
    String productId,
    String productName,
    Integer quantity,
    BigDecimal unitPrice,
    BigDecimal amount,
    String status,
    String cancellationReason,
    TransferInstructions transferInstructions,
    Payment payment,
    Delivery delivery,
    List<TimelineEntry> timeline,
    Instant placedAt,
    Instant updatedAt) {

  public record TransferInstructions(String bankAccount, BigDecimal amount, String transferReference) {}

  public record Payment(String status) {}

  public record Delivery(String status, String carrier, String trackingNumber) {}

  /** One event in the order's life, with the status it led to. */
  public record TimelineEntry(String type, String orderStatus, String source, Instant time) {}
}
