package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole shop comes up on real parts; who gets into Camunda: CamundaSignInEndToEndTest. */
@Tag("integration")
class StackSmokeTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static LocalStack stack;

  @BeforeAll
  static void startShop() {
    stack = ShopStack.get();
  }

  @ParameterizedTest
  @EnumSource(ShopService.class)
  void shouldHaveEveryServiceReady(ShopService service) {
    HttpResponse<String> readiness = get(stack.managementUrl(service, 1).resolve("/actuator/health/readiness"));

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void shouldRefuseAnonymousCallsToTheEngineRestApi() {
    assertThat(get(stack.url(ShopService.ORCHESTRATOR).resolve("/engine-rest/process-definition")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void shouldServeAtTheEntryExactlyWhatTheIngressRoutes() {
    URI entry = stack.entryUrl();
    // the page, its first call, the catalog; the engine's API (which wants a token)
    assertThat(get(entry.resolve("/")).statusCode()).isEqualTo(200);
    assertThat(get(entry.resolve("/page-settings")).body()).contains(stack.url(ShopService.IDENTITY).toString());
    assertThat(get(entry.resolve("/catalog")).statusCode()).isEqualTo(200);
    assertThat(get(entry.resolve("/engine-rest/process-definition")).statusCode()).isEqualTo(401);

    // what the cluster never publishes does not reach a service there, though each service serves it
    for (String path : new String[] {"/internal/order-view/rebuild", "/saga/orders/42/cancellation", "/actuator/health", "/payments/42",
        "/products", "/deliveries/42", "/camunda-old"}) {
      HttpResponse<String> answer = get(entry.resolve(path));
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).contains("No Ingress routes " + path);
    }
  }

  @Test
  void shouldRefuseASecondLauncherOnTheSameDataAndSaySo() throws Exception {
    ProcessBuilder launcher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dsagashop.root=" + stack.settings().projectRoot(),
                "io.sagashop.stack.LocalStackMain",
                "--fresh")
            .redirectErrorStream(true);
    launcher.environment().put("SAGASHOP_DATA_DIR", stack.settings().dataDirectory().toString());
    Process second = launcher.start();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(second.exitValue()).isEqualTo(1);
    assertThat(output).contains("already running");
    // --fresh must not have wiped the running stack's data.
    shouldHaveEveryServiceReady(ShopService.ORDER);
  }

  @Test
  void shouldRestartOneServiceWhileTheOthersKeepServing() {
    stack.stop(ShopService.PAYMENT);
    try {
      assertThat(stack.isRunning(ShopService.PAYMENT)).isFalse();
      shouldHaveEveryServiceReady(ShopService.ORDER);
    } finally {
      stack.start(ShopService.PAYMENT);
    }
    shouldHaveEveryServiceReady(ShopService.PAYMENT);
  }

  @Test
  void shouldServeOnlyThisMachine() throws IOException {
    InetAddress outside = addressOnTheNetwork();
    assumeTrue(outside != null, "this machine has no network address other than loopback");
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (ShopService service : ShopService.values()) {
      ports.put(service.module(), stack.settings().port(service));
      ports.put(service.module() + "'s actuator", stack.settings().managementPort(service, 1));
    }
    ports.put("PostgreSQL", stack.settings().postgresPort());
    ports.put("Kafka", stack.settings().kafkaPort());
    ports.put("Zipkin", stack.settings().zipkinPort());
    ports.put("the entry", stack.settings().entryPort());

    ports.forEach((part, port) -> {
      assertThat(accepts(InetAddress.getLoopbackAddress(), port)).as("%s on this machine", part).isTrue();
      assertThat(accepts(outside, port)).as("%s on %s", part, outside).isFalse();
    });
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static InetAddress addressOnTheNetwork() throws IOException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (network.isUp() && !network.isLoopback()) {
        for (InetAddress address : Collections.list(network.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return address;
          }
        }
      }
    }
    return null;
  }

  private static HttpResponse<String> get(URI uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("Cannot reach " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
