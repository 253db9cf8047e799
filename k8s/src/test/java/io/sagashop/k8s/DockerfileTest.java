package io.sagashop.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images cannot be built here (no Docker engine), so the Dockerfile is held to what can be
 * checked: it copies exactly the layers of each service's jar, in the jar's order, and runs as
 * the user the Deployments require.
 */
class DockerfileTest {

  private static final Path DOCKERFILE = Path.of("../Dockerfile");

  @ParameterizedTest
  @ValueSource(strings = {"orchestrator", "order-service", "payment-service", "inventory-service", "delivery-service", "identity-service"})
  void shouldCopyEveryLayerOfTheServiceJarAndRunAsTheDeploymentsUser(String service) throws IOException {
    String dockerfile = Files.readString(DOCKERFILE);

    assertThat(copiedLayers(dockerfile)).isEqualTo(layersOf(Path.of("..", service, "target", service + ".jar")));
    assertThat(dockerfile).contains("\nUSER 10001:10001\n");
    assertThat(Files.readString(Path.of("components/service-defaults/service-defaults.yaml"))).contains("runAsUser: 10001", "runAsGroup: 10001");
  }

  private static List<String> copiedLayers(String dockerfile) {
    Matcher copies = Pattern.compile("COPY --from=layers /layers/extracted/([\\w-]+)/ \\./").matcher(dockerfile);
    return copies.results().map(match -> match.group(1)).toList();
  }

  /** The layer names of Spring Boot's BOOT-INF/layers.idx, in order. */
  private static List<String> layersOf(Path jar) throws IOException {
    assertThat(jar).as("the service jar (mvn package builds it before this module)").exists();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      String index = new String(zip.getInputStream(zip.getEntry("BOOT-INF/layers.idx")).readAllBytes(), StandardCharsets.UTF_8);
      return Pattern.compile("(?m)^- \"([\\w-]+)\":").matcher(index).results().map(match -> match.group(1)).toList();
    }
  }
}
