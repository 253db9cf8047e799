package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole shop comes up on real parts; who gets into Camunda: CamundaSignInEndToEndTest. */
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
    HttpResponse<String> readiness = get(stack.url(service).resolve("/actuator/health/readiness"));

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void shouldRefuseAnonymousCallsToTheEngineRestApi() {
    assertThat(get(stack.url(ShopService.ORCHESTRATOR).resolve("/engine-rest/process-definition")).statusCode())
        .isEqualTo(401);
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
      assertThat(get(stack.url(ShopService.ORDER).resolve("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    } finally {
      stack.start(ShopService.PAYMENT);
    }
    assertThat(get(stack.url(ShopService.PAYMENT).resolve("/actuator/health/readiness")).statusCode()).isEqualTo(200);
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
