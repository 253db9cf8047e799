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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zipkin's own server (its executable jar from Maven Central, copied into tools/local-stack/target by the
 * build), keeping the last spans in memory. The shop does not depend on it: when it does not come
 * up, the stack says so and runs on; the services then drop their spans and keep the traceId in
 * their log lines.
 */
final class TraceServer {

  private static final Logger log = LoggerFactory.getLogger(TraceServer.class);
  private static final Duration STARTUP = Duration.ofSeconds(90);
  /** About 100 MiB of spans: a few thousand orders' traces, the oldest dropped first. */
  private static final String MAX_SPANS = "100000";

  private final StackSettings settings;
  private final ChildProcess process;
  private volatile boolean ready;

  private TraceServer(StackSettings settings, ChildProcess process) {
    this.settings = settings;
    this.process = process;
  }

  static TraceServer of(StackSettings settings, PidFile pids) {
    Path jar = jar(settings.projectRoot());
    if (!settings.tracing() || !Files.isRegularFile(jar)) {
      return new TraceServer(settings, null);
    }
    ChildProcess zipkin =
        new ChildProcess(
            "Zipkin",
            ChildProcess.java(
                List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "-jar", jar.toString(),
                // one listener, on this machine only (Zipkin's default listens on every interface)
                "--armeria.ports[0].port=" + settings.zipkinPort(),
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].protocols=http"),
            Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", MAX_SPANS),
            settings.logDirectory().resolve("zipkin.log"),
            pids);
    return new TraceServer(settings, zipkin);
  }

  static Path jar(Path projectRoot) {
    return projectRoot.resolve("tools").resolve("local-stack").resolve("target").resolve("zipkin").resolve("zipkin-server.jar");
  }

  /** Starts Zipkin and waits for it; a Zipkin that does not come up is reported, not fatal. */
  void start() {
    if (process == null) {
      if (settings.tracing()) {
        log.warn("No trace server: {} is missing (build the shop with mvn -DskipTests package); traces are not kept", jar(settings.projectRoot()));
      }
      return;
    }
    process.start();
    ready = awaitReady();
    if (!ready) {
      log.warn("Zipkin did not come up within {}s (see {}); the shop runs on without keeping traces", STARTUP.toSeconds(), process.logFile());
    }
  }

  void stop() {
    if (process != null) {
      process.stop();
    }
  }

  /** Whether spans are kept: the services are told to send theirs only then. */
  boolean isReady() {
    return ready;
  }

  URI url() {
    return settings.zipkinUrl();
  }

  private boolean awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(url().resolve("/health")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException notListeningYet) {
        // Zipkin opens its port late in its start; keep polling until the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      Pause.briefly();
    }
    return false;
  }
}
