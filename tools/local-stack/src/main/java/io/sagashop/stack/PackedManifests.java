package io.sagashop.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's own manifests that the build packs into this jar (the Ingresses, the Kafka users), so
 * that the local stack follows the same source as Kubernetes.
 */
final class PackedManifests {

  private PackedManifests() {}

  /** The objects of this kind in a resource of this package, which the build copied from k8s/base. */
  static List<JsonNode> packed(String resource, String kind) {
    try (InputStream yaml = PackedManifests.class.getResourceAsStream(resource)) {
      if (yaml == null) {
        throw new StackException(resource + " is missing from the local stack's jar; build it again");
      }
      return ofKind(yaml, kind);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of this kind in a stream of YAML documents; other objects are passed over. */
  static List<JsonNode> ofKind(InputStream yaml, String kind) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode object = documents.next();
        if (kind.equals(object.path("kind").asText())) {
          objects.add(object);
        }
      }
    }
    return objects;
  }
}
