package io.sagashop.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the shop's own code says about its traffic, for the rules to hold the manifests to: the paths
 * the customer's page calls, and the services each service is configured to call. Read from the
 * project's sources (the tests run in k8s/), so a call added there is checked against the Ingress
 * and the NetworkPolicies without anybody listing it again.
 */
final class ShopSources {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path PAGE = ROOT.resolve("order-service/src/main/resources/static");
  private static final List<String> SERVICES =
      List.of("orchestrator", "order-service", "payment-service", "inventory-service", "delivery-service", "identity-service");
  /** A call of the page's: call('GET', '/catalog') or act('POST', `/orders/${id}/receipt`, ...). */
  private static final Pattern PAGE_CALL = Pattern.compile("(?:call|act)\\('[A-Z]+',\\s*['`](/[^'`?]*)");
  /** A file the page loads: href="app.css", src="app.js". */
  private static final Pattern PAGE_FILE = Pattern.compile("(?:href|src)=\"([a-z][a-z0-9.-]*)\"");

  private ShopSources() {}

  /** Every path the page asks of order-service (an id in a path stands as {@code x}). */
  static Set<String> pagePaths() {
    Set<String> paths = new LinkedHashSet<>(List.of("/", "/index.html"));
    Matcher calls = PAGE_CALL.matcher(read(PAGE.resolve("app.js")));
    while (calls.find()) {
      paths.add(calls.group(1).replaceAll("\\$\\{[^}]*}", "x"));
    }
    Matcher files = PAGE_FILE.matcher(read(PAGE.resolve("index.html")));
    while (files.find()) {
      paths.add("/" + files.group(1));
    }
    return paths;
  }

  /** Each service, and the services its configuration names a URL of ({@code sagashop.services.payment-url}: payment-service). */
  static Map<String, Set<String>> calls() {
    Map<String, Set<String>> calls = new TreeMap<>();
    for (String service : SERVICES) {
      Set<String> callees = new LinkedHashSet<>();
      // every document of the file (a profile's may add a URL)
      try (var documents = Kustomize.YAML.readerFor(JsonNode.class).readValues(ROOT.resolve(service).resolve("src/main/resources/application.yml").toFile())) {
        while (documents.hasNext()) {
          ((JsonNode) documents.next()).path("sagashop").path("services").fieldNames().forEachRemaining(key -> {
            if (key.endsWith("-url")) {
              String name = key.substring(0, key.length() - "-url".length());
              callees.add(SERVICES.contains(name) ? name : name + "-service");
            }
          });
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      calls.put(service, callees);
    }
    return calls;
  }

  /**
   * The services built on the platform: they publish and consume through Kafka (the platform's outbox
   * and listeners) and check every caller's token against the issuer's keys.
   */
  static Set<String> platformServices() {
    return SERVICES.stream().filter(service -> read(ROOT.resolve(service).resolve("pom.xml")).contains("<artifactId>platform</artifactId>"))
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** The services with a database of their own (a datasource in their configuration). */
  static Set<String> databaseClients() {
    return SERVICES.stream().filter(service -> read(ROOT.resolve(service).resolve("src/main/resources/application.yml")).contains("datasource"))
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /**
   * What each service built on the platform does on Kafka, read from its configuration: it publishes to
   * {@code sagashop.events.topic}, consumes every other {@code ...-topic} (and {@code ...-topics} list)
   * and parks what it cannot take in that topic's {@code .DLT}; it consumes in the group its
   * {@code ...-group} names (a prefix: the view adds a generation) or, without one, in Spring's default
   * group, the application's name.
   */
  static Map<String, KafkaUse> kafkaUse() {
    Map<String, KafkaUse> uses = new TreeMap<>();
    for (String service : platformServices()) {
      Set<String> writes = new LinkedHashSet<>();
      Set<String> reads = new LinkedHashSet<>();
      String name = service;
      String group = null;
      try (var documents = Kustomize.YAML.readerFor(JsonNode.class).readValues(ROOT.resolve(service).resolve("src/main/resources/application.yml").toFile())) {
        while (documents.hasNext()) {
          JsonNode document = (JsonNode) documents.next();
          name = document.path("spring").path("application").path("name").asText(name);
          JsonNode own = document.path("sagashop").path("events").path("topic");
          if (!own.isMissingNode()) {
            writes.add(own.asText());
          }
          for (var section : (Iterable<Map.Entry<String, JsonNode>>) document.path("sagashop")::fields) {
            for (var setting : (Iterable<Map.Entry<String, JsonNode>>) section.getValue()::fields) {
              // (consumers-per-topic is a count, not a topic)
              if ((setting.getKey().endsWith("-topic") || setting.getKey().endsWith("-topics")) && setting.getValue().isTextual()) {
                reads.addAll(List.of(setting.getValue().asText().split("\\s*,\\s*")));
              } else if (setting.getKey().endsWith("-group")) {
                group = setting.getValue().asText();
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      reads.forEach(topic -> writes.add(topic + ".DLT"));
      uses.put(service, new KafkaUse(writes, reads, reads.isEmpty() ? null : group == null ? name : group, group != null));
    }
    return uses;
  }

  /** A service's topics and consumer group; {@code group} is null when it consumes nothing. */
  record KafkaUse(Set<String> writes, Set<String> reads, String group, boolean groupIsPrefix) {}

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> services() {
    return new ArrayList<>(SERVICES);
  }
}
