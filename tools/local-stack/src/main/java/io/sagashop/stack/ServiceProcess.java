package io.sagashop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One process (one replica) of a shop's Spring Boot service running from its jar, and its readiness. */
final class ServiceProcess {

  private static final Duration STARTUP = Duration.ofMinutes(4);
  /** As the manifests' readinessProbe timeoutSeconds. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private final ShopService service;
  private final String name;
  private final int port;
  private final int managementPort;
  private volatile ChildProcess process;
  private final List<String> jvmOptions;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * @param replica counted from 1; a service with one replica is named by its module alone, else
   *     {@code orchestrator-2} on the console and in its log file's name
   */
  ServiceProcess(ShopService service, int replica, StackSettings settings, Map<String, String> environment, PidFile pids) {
    this.service = service;
    this.name = settings.replicasOf(service) == 1 ? service.module() : service.module() + "-" + replica;
    this.port = settings.port(service, replica);
    this.managementPort = settings.managementPort(service, replica);
    this.jvmOptions = settings.jvmOptions();
    this.process =
        new ChildProcess(
            name,
            command(service.jar(settings.projectRoot())),
            environment,
            settings.logDirectory().resolve(name + ".log"),
            pids);
  }

  private List<String> command(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new StackException(jar + " is missing: build the shop first (mvn -DskipTests package).");
    }
    return ChildProcess.java(jvmOptions, "-jar", jar.toString());
  }

  /**
   * As a rolling update replaces a pod: this replica stops gracefully and starts again from another
   * build's jar, with the same ports, environment and log file; the caller waits for its readiness.
   */
  void replaceBy(Path jar) {
    List<String> next = command(jar);
    process.stop();
    process = process.withCommand(next);
    process.start();
  }

  void start() {
    process.start();
  }

  void stop() {
    process.stop();
  }

  /** SIGKILL: no graceful shutdown, as when a node dies or the kernel kills for memory. */
  void kill() {
    process.kill();
  }

  /** SIGSTOP: alive, holding its connections and locks, answering nothing; see {@link ChildProcess#pause()}. */
  void pause() {
    process.pause();
  }

  void resume() {
    process.resume();
  }

  String name() {
    return name;
  }

  ShopService service() {
    return service;
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  URI baseUrl() {
    return URI.create("http://localhost:" + port);
  }

  /** The actuator's own port: probes and metrics, which the service's port does not answer. */
  URI managementUrl() {
    return URI.create("http://localhost:" + managementPort);
  }

  /** Waits until the readiness probe answers UP: the same signal Kubernetes routes traffic by. */
  void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP);
    while (!isReady()) {
      if (!process.isAlive()) {
        throw new StackException(process.whyItStopped(
            "give the services more heap with SAGASHOP_JVM_OPTS (now " + String.join(" ", jvmOptions) + ")"));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StackException(
            name + " was not ready within " + STARTUP.toMinutes() + " minutes. See " + process.logFile());
      }
      Pause.briefly();
    }
  }

  /** One readiness probe, as the kubelet makes it: UP within its timeout, or not ready. */
  boolean isReady() {
    if (!process.isAlive()) {
      return false;
    }
    HttpRequest readiness =
        HttpRequest.newBuilder(managementUrl().resolve("/actuator/health/readiness")).timeout(PROBE_TIMEOUT).build();
    try {
      HttpResponse<String> response = http.send(readiness, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException notListeningOrNotAnswering) {
      // the port opens late in a Spring Boot start, and a paused replica answers nothing
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while probing " + name, e);
    }
  }
}
