package io.sagashop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One object of a rendered overlay, with the file it came from (Kustomize's origin annotation), so
 * that every finding can name the file and the object.
 */
record Manifest(String origin, JsonNode json) {

  String apiVersion() {
    return json.path("apiVersion").asText();
  }

  String kind() {
    return json.path("kind").asText();
  }

  String name() {
    return json.path("metadata").path("name").asText();
  }

  boolean is(String kind) {
    return kind().equals(kind);
  }

  /** How a finding names it: {@code base/services/orchestrator.yaml (Deployment orchestrator)}. */
  @Override
  public String toString() {
    return origin + " (" + kind() + " " + name() + ")";
  }

  /** The objects of this kind in a rendered overlay. */
  static List<Manifest> ofKind(List<Manifest> objects, String kind) {
    return objects.stream().filter(object -> object.is(kind)).toList();
  }

  /** The object of this kind and name in a rendered overlay, if there is one. */
  static Optional<Manifest> named(List<Manifest> objects, String kind, String name) {
    return objects.stream().filter(object -> object.is(kind) && object.name().equals(name)).findFirst();
  }
}
