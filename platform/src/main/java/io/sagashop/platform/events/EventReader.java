package io.sagashop.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the envelope of a consumed record, or says why the record is poison. */
public class EventReader {

  private final ObjectMapper json;
  private final Validator validator;

  public EventReader(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
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

  /**
   * The event's data as the owner's contract type, valid by that type's constraints; data that is
   * missing, of the wrong shape or invalid makes the record poison, naming the fields at fault.
   */
  public <T> T data(EventEnvelope event, Class<T> type) {
    if (event.data() == null || event.data().isNull()) {
      throw new PoisonEventException(event.type() + " for order " + event.orderId() + " has no data");
    }
    T data;
    try {
      data = json.treeToValue(event.data(), type);
    } catch (JsonProcessingException e) {
      throw new PoisonEventException(event.type() + " for order " + event.orderId() + " is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
    Set<ConstraintViolation<T>> violations = validator.validate(data);
    if (!violations.isEmpty()) {
      throw new PoisonEventException(event.type() + " for order " + event.orderId() + " has invalid fields: " + describe(violations));
    }
    return data;
  }

  private static <T> String describe(Set<ConstraintViolation<T>> violations) {
    return violations.stream()
        .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
        .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
        .collect(Collectors.joining(", "));
  }
}
