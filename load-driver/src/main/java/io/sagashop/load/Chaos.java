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
 * first kills take one part of each kind (a service replica, an orchestrator, Kafka, PostgreSQL).
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

  /** One kill: the part, when, how long it was dead, and how long it took to be ready again. */
  public record Kill(StackPart part, Duration at, Duration down, Duration readyAfter) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s at %.0f s (dead %.0f s, ready %.0f s after its start)",
          part, at.toMillis() / 1000.0, down.toMillis() / 1000.0, readyAfter.toMillis() / 1000.0);
    }
  }

  private final LocalStack stack;
  private final Random random;
  private final Consumer<String> progress;
  private final List<Kill> kills = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private final Instant started = Instant.now();
  private volatile boolean stopping;
  private volatile RuntimeException failure;

  private Chaos(LocalStack stack, long seed, Consumer<String> progress) {
    this.stack = stack;
    this.random = new Random(seed);
    this.progress = progress;
    this.thread = new Thread(this::run, "chaos");
  }

  static Chaos start(LocalStack stack, long seed, Consumer<String> progress) {
    Chaos chaos = new Chaos(stack, seed, progress);
    chaos.thread.start();
    return chaos;
  }

  int killCount() {
    return kills.size();
  }

  /** Holds the caller until this many kills are done (each with its part ready again). */
  void awaitKills(int count) {
    synchronized (kills) {
      while (kills.size() < count && thread.isAlive()) {
        try {
          kills.wait(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Ends the kills after the one under way, with every part running again; returns what was killed. */
  List<Kill> stop() {
    stopping = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(kills);
  }

  @Override
  public void close() {
    stopping = true;
  }

  private void run() {
    List<StackPart.Kind> firstKinds = new ArrayList<>(List.of(StackPart.Kind.values()));
    Collections.shuffle(firstKinds, random);
    try {
      while (!stopping) {
        pause(between(MIN_REST, MAX_REST));
        if (stopping) {
          return;
        }
        StackPart victim = victim(firstKinds.isEmpty() ? null : firstKinds.remove(0));
        Duration at = Duration.between(started, Instant.now());
        progress.accept("  chaos: killing " + victim);
        stack.kill(victim);
        Duration down = between(MIN_DOWN, MAX_DOWN);
        pause(down);
        Instant restarting = Instant.now();
        restart(victim);
        Kill kill = new Kill(victim, at, down, Duration.between(restarting, Instant.now()));
        progress.accept("  chaos: " + kill);
        synchronized (kills) {
          kills.add(kill);
          kills.notifyAll();
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      synchronized (kills) {
        kills.notifyAll();
      }
    }
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

  static Set<StackPart.Kind> kindsOf(List<Kill> kills) {
    Set<StackPart.Kind> kinds = EnumSet.noneOf(StackPart.Kind.class);
    kills.forEach(kill -> kinds.add(kill.part().kind()));
    return kinds;
  }
}
