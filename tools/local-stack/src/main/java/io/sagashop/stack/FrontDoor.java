package io.sagashop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One address for the replicas of a service, as a Kubernetes Service gives them: each new TCP
 * connection goes to the next ready replica in turn, and to the one after it when that one refuses
 * (stopped, killed, or not listening yet). Like kube-proxy it works on connections, not requests:
 * a connection kept alive stays with its replica, and breaks when that replica dies.
 *
 * <p>Like the endpoints of a Service, a replica whose readiness probe fails {@value
 * #FAILURE_THRESHOLD} times in a row gets no new connection until it passes again: a paused replica
 * still accepts connections (the kernel completes them) but answers none. When no replica is
 * ready, every one is tried, so that a stack still starting is reachable.
 *
 * <p>Written here rather than taken from a library because the stack must stay free of anything but
 * the JDK and Maven Central jars, and a TCP relay is all a local stack needs.
 */
final class FrontDoor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  private static final int BUFFER = 16 * 1024;
  private static final Duration PROBE_PERIOD = Duration.ofSeconds(1);
  private static final int FAILURE_THRESHOLD = 3;

  /** A replica behind the door: its port, and its readiness probe (one call, true when it passed). */
  record Upstream(int port, BooleanSupplier readiness) {}

  private final String name;
  private final int port;
  private final List<Upstream> replicas;
  /** Failed readiness probes in a row, by replica. */
  private final AtomicIntegerArray failedProbes;
  private final AtomicInteger next = new AtomicInteger();
  private final ExecutorService relays;
  private final ScheduledExecutorService probes;
  private ServerSocket server;

  FrontDoor(String name, int port, List<Upstream> replicas) {
    this.name = name;
    this.port = port;
    this.replicas = List.copyOf(replicas);
    this.failedProbes = new AtomicIntegerArray(replicas.size());
    this.relays = Executors.newCachedThreadPool(daemon("front-door-" + name));
    this.probes = Executors.newScheduledThreadPool(replicas.size(), daemon("front-door-probe-" + name));
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Starts taking connections on the service's port. */
  synchronized void open() {
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    } catch (IOException e) {
      throw new StackException("Cannot open the front door of " + name + " on port " + port + ": " + e.getMessage(), e);
    }
    relays.execute(this::accept);
    for (int i = 0; i < replicas.size(); i++) {
      int replica = i;
      probes.scheduleWithFixedDelay(() -> probe(replica), 0, PROBE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void probe(int replica) {
    boolean passed;
    try {
      passed = replicas.get(replica).readiness().getAsBoolean();
    } catch (RuntimeException e) {
      passed = false;
    }
    int before = passed ? failedProbes.getAndSet(replica, 0) : failedProbes.getAndIncrement(replica);
    if (passed && before >= FAILURE_THRESHOLD) {
      log.info("{} replica on port {} is ready again: it gets new connections", name, replicas.get(replica).port());
    } else if (!passed && before == FAILURE_THRESHOLD - 1) {
      log.info("{} replica on port {} failed {} readiness probes: no new connections until it passes", name,
          replicas.get(replica).port(), FAILURE_THRESHOLD);
    }
  }

  int port() {
    return port;
  }

  /** The ports of the replicas that get new connections now. */
  List<Integer> readyPorts() {
    List<Integer> ready = new ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      if (isReady(i)) {
        ready.add(replicas.get(i).port());
      }
    }
    return ready;
  }

  private boolean isReady(int replica) {
    return failedProbes.get(replica) < FAILURE_THRESHOLD;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        relays.execute(() -> relay(client));
      } catch (IOException e) {
        if (!server.isClosed()) {
          log.warn("The front door of {} could not take a connection: {}", name, e.getMessage());
        }
      }
    }
  }

  private void relay(Socket client) {
    Optional<Socket> replica = connectToAReplica();
    if (replica.isEmpty()) {
      // No replica takes connections: the caller sees its connection closed, as with no ready pod.
      closeQuietly(client);
      return;
    }
    Socket upstream = replica.get();
    relays.execute(() -> pump(upstream, client));
    pump(client, upstream);
  }

  /** The next ready replica in turn that accepts a connection (any replica, when none is ready); each is tried once. */
  private Optional<Socket> connectToAReplica() {
    int first = Math.floorMod(next.getAndIncrement(), replicas.size());
    List<Integer> inTurn = new ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      inTurn.add((first + i) % replicas.size());
    }
    List<Integer> ready = inTurn.stream().filter(this::isReady).toList();
    for (int replica : ready.isEmpty() ? inTurn : ready) {
      int replicaPort = replicas.get(replica).port();
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), replicaPort), CONNECT_TIMEOUT_MILLIS);
        return Optional.of(socket);
      } catch (IOException refused) {
        closeQuietly(socket);
      }
    }
    return Optional.empty();
  }

  /**
   * Copies one direction until its end, then half-closes the other side; the connection is closed
   * when both directions have ended, or at once when either side breaks (a replica killed).
   */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[BUFFER];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
      if (from.isOutputShutdown()) {
        closeQuietly(from);
        closeQuietly(to);
      }
    } catch (IOException brokenOrReset) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing what is already broken
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // the port is given back either way
      }
    }
    relays.shutdownNow();
    probes.shutdownNow();
  }
}
