package io.sagashop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM the stack runs as a separate process, its output appended to a log file of its own.
 * Stopping it asks first (SIGTERM, so Spring and Kafka shut down gracefully) and insists only
 * when it does not end in time.
 */
final class ChildProcess {

  private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration GRACE = Duration.ofSeconds(45);
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path logFile;
  private final PidFile pidFile;
  private volatile Process process;

  ChildProcess(String name, List<String> command, Map<String, String> environment, Path logFile, PidFile pidFile) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.logFile = logFile;
    this.pidFile = pidFile;
  }

  /** The same part (name, environment, log file) started by another command: another build of it. */
  ChildProcess withCommand(List<String> other) {
    return new ChildProcess(name, other, environment, logFile, pidFile);
  }

  /**
   * A java command line. Where {@code setsid} exists the child gets a session of its own, so a
   * Ctrl-C in the terminal reaches only the launcher, which then stops the parts in order
   * (services before the database they still write to).
   */
  static List<String> java(List<String> jvmOptions, String... arguments) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Temporary files of every part go where the launcher's go (java.io.tmpdir is not inherited).
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.addAll(jvmOptions);
    command.addAll(List.of(arguments));
    return command;
  }

  synchronized void start() {
    if (isAlive()) {
      return;
    }
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
      pidFile.add(process.pid());
    } catch (IOException e) {
      throw new StackException("Cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  synchronized void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    if (running.isAlive()) {
      // a paused process would take SIGTERM only once it runs again
      signal(running, "CONT");
      running.destroy();
      try {
        if (!running.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
          log.warn("{} did not stop within {}s, killing it", name, GRACE.toSeconds());
          running.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        running.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    pidFile.remove(running.pid());
    process = null;
  }

  /** SIGKILL, and no waiting for anything but the process's end. */
  synchronized void kill() {
    Process running = process;
    if (running == null) {
      return;
    }
    running.destroyForcibly();
    try {
      running.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pidFile.remove(running.pid());
    process = null;
  }

  /**
   * SIGSTOP: the process holds its sockets, locks and connections but answers nothing, as a JVM
   * in a long GC pause or on a frozen node does; {@link #resume()} lets it go on where it stopped.
   */
  synchronized void pause() {
    Process running = process;
    if (running == null || !running.isAlive()) {
      throw new StackException(name + " does not run: there is nothing to pause");
    }
    signal(running, "STOP");
  }

  /** SIGCONT to a paused process. */
  synchronized void resume() {
    Process running = process;
    if (running != null && running.isAlive()) {
      signal(running, "CONT");
    }
  }

  /** The JDK sends only SIGTERM and SIGKILL; the rest goes through kill(1). */
  private void signal(Process running, String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(running.pid())).redirectErrorStream(true).start();
      String output = new String(kill.getInputStream().readAllBytes()).trim();
      if (kill.waitFor() != 0) {
        throw new StackException("Cannot send SIG" + signal + " to " + name + ": " + output);
      }
    } catch (IOException e) {
      throw new StackException("Cannot send SIG" + signal + " to " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("Interrupted while sending SIG" + signal + " to " + name, e);
    }
  }

  Path logFile() {
    return logFile;
  }

  /**
   * Why the process died while starting, in one line (see {@link StartupFailure}).
   *
   * @param remedy what a person can change when it ran out of heap
   */
  String whyItStopped(String remedy) {
    List<String> tail;
    try {
      List<String> all = Files.readAllLines(logFile);
      tail = all.subList(Math.max(0, all.size() - 80), all.size());
    } catch (IOException e) {
      tail = List.of();
    }
    return StartupFailure.explain(name, tail, logFile, remedy);
  }
}
