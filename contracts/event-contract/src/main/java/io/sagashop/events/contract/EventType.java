package io.sagashop.events.contract;

import io.sagashop.events.contract.EventType;

/**
 * What every event or command type of a contract declares (each contract's enum: {@code OrderPlaced},
 * {@code StartDelivery}, ...): its name on the topic, and the version of its data's schema, which
 * travels in the envelope ({@code schemaVersion}). The data only ever gains optional fields, so a
 * reader of any version reads a writer of any other (docs/contracts.md, "When an event changes"). A
 * type whose data gains a field says so by its next version, and its contract keeps the example of the
 * version before ({@code order-placed.v1.json}), which the contract test holds today's type to.
 */
public interface EventType {

  /** The type's name on the topic: the enum constant's name. */
  String name();

  /** 1 until the data first gains a field; a constant overrides it with a body when it does. */
  default int schemaVersion() {
    return 1;
  }
}
