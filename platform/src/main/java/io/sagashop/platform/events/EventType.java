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
}
