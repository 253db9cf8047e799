package io.sagashop.platform.events;

/**
 * An event type a service owns. Each service lists its types in an enum implementing this, so the
 * names travel unchanged from code to Kafka to the BPMN messages and the docs.
 */
public interface EventType {

  /** The type's name, e.g. {@code PayPlaced}. */
  String name();

  /** The customer-facing order status this event leads to, or null if it changes none. */
  String orderStatus();

  /**
   * A command of another service's contract (an enum there, free of the platform), sent through
   * this service's outbox: a command asks, so it changes no order status by itself.
   */
  static EventType command(Enum<?> type) {
    return new Named(type.name(), null);
  }

  /**
   * An event named by a contract (an enum there, free of the platform), with the order status its
   * publisher says it leads to (or null).
   */
  static EventType of(Enum<?> type, Enum<?> orderStatus) {
    return of(type, orderStatus == null ? null : orderStatus.name());
  }

  /** See {@link #of(Enum, Enum)}; for a publisher that names order-service's statuses by name. */
  static EventType of(Enum<?> type, String orderStatus) {
    return new Named(type.name(), orderStatus);
  }

  /** See {@link #of}. */
  record Named(String name, String orderStatus) implements EventType {}
}
