package io.sagashop.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads the envelope of a consumed record, or says why the record is poison. */
public class EventReader {

  private final ObjectMapper json;

  EventReader(ObjectMapper json) {
    this.json = json;
  }

  public EventEnvelope read(byte[] value) {
    if (value == null) {
      throw new PoisonEventException("The record has no value");
    }
    EventEnvelope event;
    try {
      event = json.readValue(value, EventEnvelope.class);
    } catch (IOException e) {
      throw new PoisonEventException("The record is not a sagashop event: " + e.getMessage(), e);
    }
    if (event.id() == null || event.type() == null || event.orderId() == null) {
      throw new PoisonEventException("The event lacks its id, type or orderId");
    }
    return event;
  }
}
