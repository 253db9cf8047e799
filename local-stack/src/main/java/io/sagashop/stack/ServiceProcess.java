package io.sagashop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One of the shop's Spring Boot services running from its jar, and its readiness. */
final class ServiceProcess {

  private static final Duration STARTUP = Duration.ofMinutes(4);

  private final ShopService service;
  private final int port;
  private final ChildProcess process;
  private final List<String> jvmOptions;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  ServiceProcess(ShopService service, StackSettings settings, Map<String, String> environment, PidFile pids) {
    this.service = service;
    this.port = settings.port(service);
    this.jvmOptions = settings.jvmOptions();
    if (!Files.isRegularFile(service.jar(settings.projectRoot()))) {
      throw new StackException(
          service.jar(settings.projectRoot()) + " is missing: build the shop first (mvn -DskipTests package).");
    }
    this.process =
        new ChildProcess(
            service.module(),
            ChildProcess.java(settings.jvmOptions(), "-jar", service.jar(settings.projectRoot()).toString()),
            environment,
            settings.logDirectory().resolve(service.module() + ".log"),
            pids);
  }

  void start() {
    process.start();
  }

  void stop() {
    process.stop();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  URI baseUrl() {
    return URI.create("http://localhost:" + port);
  }

  /** Waits until the readiness probe answers UP: the same signal Kubernetes routes traffic by. */
  void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP);
    HttpRequest readiness =
        HttpRequest.newBuilder(baseUrl().resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
    while (true) {
      if (!process.isAlive()) {
        throw new StackException(process.whyItStopped(
            "give the services more heap with SAGASHOP_JVM_OPTS (now " + String.join(" ", jvmOptions) + ")"));
      }
      try {
        HttpResponse<String> response = http.send(readiness, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the port opens late in a Spring Boot start; keep polling until the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StackException("Interrupted while waiting for " + service.module(), e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StackException(
            service.module() + " was not ready within " + STARTUP.toMinutes() + " minutes. See " + process.logFile());
      }
      Pause.briefly();
    }
  }
}
