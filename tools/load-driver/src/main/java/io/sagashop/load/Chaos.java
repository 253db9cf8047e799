package io.sagashop.load;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackException;
import io.sagashop.stack.StackPart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Kills a random part of the stack (SIGKILL), lets it stay dead a few seconds, starts it again and
 * waits until it is ready, rests a few seconds, and kills the next; until told to stop. One part is
 * down at a time, so every service keeps a replica, as a PodDisruptionBudget would keep it; the
 * broker and the database have no second one, so the whole shop must ride out their death. The
 * first faults take one part of each kind (a service replica, an orchestrator, Kafka, PostgreSQL)
 * and pause two replicas (SIGSTOP, then SIGCONT), in a random order.
 *
 * <p>A paused replica is the harder fault: it keeps its connections, row locks, Kafka group
 * membership and job locks, answers nothing, and then wakes up and goes on with what it was doing
 * after others took that work over. An orchestrator is paused for longer than its job lock (60 s),
 * so the other replica runs its jobs again; a service for longer than its Kafka session (10 s) and
 * the orchestrator's read timeout (10 s), so its partitions move to the other replica and the
 * calls it took are made again elsewhere.
 */
final class Chaos implements AutoCloseable {

  /** How long a killed part stays dead before it is started again. */
  private static final Duration MIN_DOWN = Duration.ofSeconds(2);
  private static final Duration MAX_DOWN = Duration.ofSeconds(6);
  /** The rest between a part being ready again and the next kill. */
  private static final Duration MIN_REST = Duration.ofSeconds(2);
  private static final Duration MAX_REST = Duration.ofSeconds(6);
  /** PostgreSQL may refuse to start while the killed server's backends still hold its shared memory. */
  private static final int RESTART_ATTEMPTS = 5;

  /** An orchestrator's pause: past its job lock (lock-time-in-millis 60000), so the other replica takes its jobs. */
  static final Duration ORCHESTRATOR_PAUSE = Duration.ofSeconds(75);
  /** A service's pause: past its Kafka session (10 s) and the orchestrator's read timeout (10 s). */
  static final Duration SERVICE_PAUSE = Duration.ofSeconds(20);
  /** The pauses of every run, besides its kills. */
  static final int PAUSES = 2;

  /** How a part was taken down. */
  public enum How {
    KILLED,
    PAUSED
  }

  /** One fault: the part, how, when, how long it was down, and how long it took to be ready again. */
  public record Fault(StackPart part, How how, Duration at, Duration down, Duration readyAfter) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %s at %.0f s (%s %.0f s, ready %.0f s after its %s)",
          part, how == How.KILLED ? "killed" : "paused", at.toMillis() / 1000.0, how == How.KILLED ? "dead" : "stopped",
          down.toMillis() / 1000.0, readyAfter.toMillis() / 1000.0, how == How.KILLED ? "start" : "SIGCONT");
    }
  }

  /** A fault still to come: a kill of a part of the kind (any kind: null), or a pause of a replica of it. */
  private record Planned(StackPart.Kind kind, How how) {}

  private final LocalStack stack;
  private final Random random;
  private final Consumer<String> progress;
  private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile Instant started;
  private volatile boolean stopping;
  private volatile RuntimeException failure;

  private Chaos(LocalStack stack, long seed, Consumer<String> progress) {
    this.stack = stack;
    this.random = new Random(seed);
    this.progress = progress;
    this.thread = new Thread(this::run, "chaos");
  }

  /** A chaos for this stack that does nothing until {@link #begin()}. */
  static Chaos prepare(LocalStack stack, long seed, Consumer<String> progress) {
    return new Chaos(stack, seed, progress);
  }

  /**
   * Starts the faults. Called once the run's catalog is in place: the faults are for orders in
   * flight, and a seller whose stock update meets a killed database is told to try again, which a
   * crowd's setup does not.
   */
  void begin() {
    started = Instant.now();
    thread.start();
  }

  /** Holds the caller until this many faults are done (each with its part ready again). */
  void awaitFaults(int count) {
    synchronized (faults) {
      while (faults.size() < count && thread.isAlive()) {
        try {
          faults.wait(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Ends the faults after the one under way, with every part running again; returns what was done. */
  List<Fault> stop() {
    stopping = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(faults);
  }

  @Override
  public void close() {
    stopping = true;
  }

  private void run() {
    List<Planned> first = new ArrayList<>();
    for (StackPart.Kind kind : StackPart.Kind.values()) {
      first.add(new Planned(kind, How.KILLED));
    }
    first.add(new Planned(StackPart.Kind.ORCHESTRATOR, How.PAUSED));
    first.add(new Planned(StackPart.Kind.SERVICE, How.PAUSED));
    Collections.shuffle(first, random);
    try {
      while (!stopping) {
        pause(between(MIN_REST, MAX_REST));
        if (stopping) {
          return;
        }
        Planned next = first.isEmpty() ? new Planned(null, How.KILLED) : first.remove(0);
        Fault fault = next.how() == How.KILLED ? kill(victim(next.kind())) : pauseAndResume(victim(next.kind()));
        progress.accept("  chaos: " + fault);
        synchronized (faults) {
          faults.add(fault);
          faults.notifyAll();
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      synchronized (faults) {
        faults.notifyAll();
      }
    }
  }

  private Fault kill(StackPart victim) {
    Duration at = Duration.between(started, Instant.now());
    progress.accept("  chaos: killing " + victim);
    stack.kill(victim);
    Duration down = between(MIN_DOWN, MAX_DOWN);
    pause(down);
    Instant restarting = Instant.now();
    restart(victim);
    return new Fault(victim, How.KILLED, at, down, Duration.between(restarting, Instant.now()));
  }

  private Fault pauseAndResume(StackPart victim) {
    Duration at = Duration.between(started, Instant.now());
    Duration down = victim.kind() == StackPart.Kind.ORCHESTRATOR ? ORCHESTRATOR_PAUSE : SERVICE_PAUSE;
    progress.accept("  chaos: pausing " + victim + " for " + down.toSeconds() + " s");
    stack.pause(victim);
    pause(down);
    Instant resuming = Instant.now();
    stack.resume(victim);
    return new Fault(victim, How.PAUSED, at, down, Duration.between(resuming, Instant.now()));
  }

  /** A random part of the kind, or of any kind; only a replica whose siblings all run. */
  private StackPart victim(StackPart.Kind kind) {
    List<StackPart> candidates = stack.parts().stream()
        .filter(part -> kind == null || part.kind() == kind)
        .filter(part -> part.service() == null || siblingsRun(part.service()))
        .toList();
    if (candidates.isEmpty()) {
      throw new StackException("The chaos run found nothing to kill of kind " + kind + ": it needs the embedded broker and database");
    }
    return candidates.get(random.nextInt(candidates.size()));
  }

  private boolean siblingsRun(ShopService service) {
    return stack.parts().stream().filter(part -> part.service() == service).allMatch(stack::isRunning);
  }

  private void restart(StackPart part) {
    for (int attempt = 1; ; attempt++) {
      try {
        stack.restart(part);
        return;
      } catch (StackException e) {
        if (attempt == RESTART_ATTEMPTS) {
          throw e;
        }
        progress.accept("  chaos: " + part + " did not start (" + e.getMessage() + "), trying again");
        stack.kill(part);
        pause(Duration.ofSeconds(2));
      }
    }
  }

  private Duration between(Duration min, Duration max) {
    return min.plusMillis((long) (random.nextDouble() * (max.toMillis() - min.toMillis())));
  }

  /** The chaos's own rhythm (how long a part stays dead, the rest between kills), not a wait for a condition. */
  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The kinds of part that this many faults took down this way. */
  static Set<StackPart.Kind> kindsOf(List<Fault> faults, How how) {
    Set<StackPart.Kind> kinds = EnumSet.noneOf(StackPart.Kind.class);
    faults.stream().filter(fault -> fault.how() == how).forEach(fault -> kinds.add(fault.part().kind()));
    return kinds;
  }

  static long count(List<Fault> faults, How how) {
    return faults.stream().filter(fault -> fault.how() == how).count();
  }
}
