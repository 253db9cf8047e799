package io.sagashop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.sagashop.stack.IngressRoutes;
import io.sagashop.stack.StackException;
import io.sagashop.stack.StackTopics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The overlays under a k8s/ directory, rendered and checked against the schemas and the rules. */
final class Overlays {

  /** Where the services' shared defaults are, for the shutdown phase the grace period must cover. */
  private static final Path PLATFORM_DEFAULTS = Path.of("platform/src/main/resources/sagashop-platform-defaults.yml");

  private final Path k8s;
  private final Path work;

  Overlays(Path k8s, Path work) {
    this.k8s = k8s.toAbsolutePath().normalize();
    this.work = work.toAbsolutePath().normalize();
  }

  /** The project's own k8s/ directory (the tests run in it). */
  static Overlays ofProject() {
    return new Overlays(Path.of(""), Path.of("target"));
  }

  List<String> names() {
    try (Stream<Path> overlays = Files.list(k8s.resolve("overlays"))) {
      return overlays.filter(Files::isDirectory).map(overlay -> "overlays/" + overlay.getFileName()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Manifest> render(String overlay) {
    return Kustomize.render(k8s, overlay, work);
  }

  /** Every finding of the schemas and the rules; empty when the overlay is sound. */
  List<String> findings(String overlay) {
    List<Manifest> objects = render(overlay);
    List<String> findings = new ArrayList<>();
    SchemaCheck schemas = new SchemaCheck();
    objects.forEach(object -> findings.addAll(schemas.check(object)));
    findings.addAll(ShopRules.check(objects, context(overlay)));
    return findings;
  }

  private ShopRules.Context context(String overlay) {
    // A laptop cluster has one broker and one replica of most services; everything else keeps three
    // copies of every topic and no single replica on the customer's path.
    int replicas = overlay.endsWith("/dev") ? 1 : 3;
    return new ShopRules.Context(templateSecrets(), shutdownPhaseSeconds(), StackTopics.all(), replicas, ShopSources.pagePaths(),
        ShopSources.calls(), !overlay.endsWith("/dev"), ShopSources.platformServices(), ShopSources.databaseClients(), ShopSources.platformServices(),
        ShopSources.kafkaUse(), entryRoutes());
  }

  /** The routes the local stack's entry serves: the base's Ingresses (null when one leads to no service; ShopRules names it). */
  private IngressRoutes entryRoutes() {
    try (InputStream yaml = Files.newInputStream(k8s.resolve("base/ingress.yaml"))) {
      return IngressRoutes.parse(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (StackException unknownService) {
      return null;
    }
  }

  /** The Secrets the operator creates from secrets/secrets.template.yaml, with their keys. */
  private Map<String, Set<String>> templateSecrets() {
    Map<String, Set<String>> secrets = new HashMap<>();
    try (var documents = Kustomize.YAML.readerFor(JsonNode.class).readValues(k8s.resolve("secrets/secrets.template.yaml").toFile())) {
      while (documents.hasNext()) {
        JsonNode secret = (JsonNode) documents.next();
        Set<String> keys = new HashSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        secret.path("data").fieldNames().forEachRemaining(keys::add);
        secrets.put(secret.path("metadata").path("name").asText(), keys);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return secrets;
  }

  private int shutdownPhaseSeconds() {
    Path defaults = k8s.resolve("..").resolve(PLATFORM_DEFAULTS).normalize();
    try {
      JsonNode phase = Kustomize.YAML.readTree(defaults.toFile()).path("spring").path("lifecycle").path("timeout-per-shutdown-phase");
      return (int) Duration.parse("PT" + phase.asText("30s").toUpperCase()).toSeconds();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
