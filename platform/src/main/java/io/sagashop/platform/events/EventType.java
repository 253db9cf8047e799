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
    return new Command(type.name());
  }

  /** See {@link #command}. */
  record Command(String name) implements EventType {
    @Override
    public String orderStatus() {
      return null;
    }
  }
}
