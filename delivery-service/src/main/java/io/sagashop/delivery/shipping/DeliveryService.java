package io.sagashop.delivery.shipping;

import io.sagashop.delivery.contract.DeliveryEventType;
import io.sagashop.platform.events.CancelledOrders;
import io.sagashop.platform.events.EnableCancelledOrders;
import io.sagashop.platform.events.EventOutbox;
import io.sagashop.platform.events.OrderLocks;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts or cancels each order's delivery once, however often the commands arrive, never both. */
@Service
@EnableCancelledOrders
public class DeliveryService {

  private final DeliveryRepository deliveries;
  private final EventOutbox events;
  private final Clock clock;
  private final CancelledOrders cancelledOrders;
  private final OrderLocks locks;

  DeliveryService(DeliveryRepository deliveries, EventOutbox events, Clock clock, CancelledOrders cancelledOrders, OrderLocks locks) {
    this.cancelledOrders = cancelledOrders;
    this.locks = locks;
    this.deliveries = deliveries;
    this.events = events;
    this.clock = clock;
  }

  /** The order's delivery, started now or before; empty if the order was cancelled. */
  @Transactional
  public Optional<Delivery> start(UUID orderId, String productId, int quantity) {
    // The order's cancellation takes the same lock: it cannot slip in between the check and the insert.
    locks.hold(orderId);
    Optional<Delivery> existing = deliveries.findById(orderId);
    if (existing.isPresent()) {
      return existing;
    }
    if (cancelledOrders.contains(orderId)) {
      return Optional.empty();
    }
    Delivery delivery =
        deliveries.saveAndFlush(new Delivery(orderId, productId, quantity, trackingNumber(deliveries.nextTrackingSerial()), clock.instant()));
    events.publish(DeliveryEventType.DeliveryStarted, orderId, delivery.view());
    return Optional.of(delivery);
  }

  /**
   * Cancels the order's delivery unless it has started. Empty when it is cancelled (now or by an
   * earlier command): DeliveryCancelled is published once, and a StartDelivery read later ships
   * nothing. Otherwise the delivery that started: the DeliveryStarted published then answers the saga.
   */
  @Transactional
  public Optional<Delivery> cancel(UUID orderId) {
    // The same lock as start: a cancellation and a start of one order never interleave.
    locks.hold(orderId);
    Optional<Delivery> started = deliveries.findById(orderId);
    if (started.isPresent()) {
      return started;
    }
    if (cancelledOrders.record(orderId)) {
      events.publish(DeliveryEventType.DeliveryCancelled, orderId, new DeliveryCancellation(orderId, clock.instant()));
    }
    return Optional.empty();
  }

  @Transactional(readOnly = true)
  public Optional<Delivery> find(UUID orderId) {
    return deliveries.findById(orderId);
  }

  /** Unique by construction (a sequence), and never like the older ones derived from the order id: those have no dash. */
  static String trackingNumber(long serial) {
    return String.format("SP-%012d", serial);
  }
}
