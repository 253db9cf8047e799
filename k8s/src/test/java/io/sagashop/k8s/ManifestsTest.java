package io.sagashop.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay renders with kubectl, every object fits the schema of its API with no unknown
 * field, and the shop's rules hold: probes, resources, non-root, graceful shutdown, references,
 * routing, scaling, topics and databases.
 */
@Tag("integration")
class ManifestsTest {

  private static final Overlays OVERLAYS = Overlays.ofProject();

  static Stream<String> overlays() {
    List<String> names = OVERLAYS.names();
    assertThat(names).contains("overlays/production", "overlays/dev");
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldRenderAndPassTheSchemasAndTheRules(String overlay) {
    List<Manifest> objects = OVERLAYS.render(overlay);
    assertThat(objects).extracting(Manifest::kind)
        .contains("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
            "NetworkPolicy", "ConfigMap", "Kafka", "KafkaTopic", "Cluster", "Database");

    assertThat(OVERLAYS.findings(overlay)).isEmpty();
  }
}
