package io.sagashop.orchestrator.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The fields the seller's form declares (bpmn/confirm-deposit.form), read from the form itself: a
 * completion of Confirm deposit may send these, unchanged, and no other variable.
 */
final class ConfirmDepositForm {

  static final String RESOURCE = "bpmn/confirm-deposit.form";

  private ConfirmDepositForm() {}

  static Set<String> fields(ObjectMapper json) {
    try (InputStream form = ConfirmDepositForm.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (form == null) {
        throw new IllegalStateException("The seller's form " + RESOURCE + " is not on the class path");
      }
      Set<String> keys = new LinkedHashSet<>();
      for (JsonNode component : json.readTree(form).path("components")) {
        if (component.hasNonNull("key")) {
          keys.add(component.get("key").asText());
        }
      }
      return Set.copyOf(keys);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("The seller's form " + RESOURCE + " cannot be read", unreadable);
    }
  }
}
