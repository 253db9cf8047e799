package io.sagashop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One address for the replicas of a service, as a Kubernetes Service gives them: each new TCP
 * connection goes to the next replica in turn, and to the one after it when that one refuses
 * (stopped, killed, or not listening yet). Like kube-proxy it works on connections, not requests:
 * a connection kept alive stays with its replica, and breaks when that replica dies.
 *
 * <p>Written here rather than taken from a library because the stack must stay free of anything but
 * the JDK and Maven Central jars, and a TCP relay is all a local stack needs.
 */
final class FrontDoor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  private static final int BUFFER = 16 * 1024;

  private final String name;
  private final int port;
  private final List<Integer> replicaPorts;
  private final AtomicInteger next = new AtomicInteger();
  private final ExecutorService relays;
  private ServerSocket server;

  FrontDoor(String name, int port, List<Integer> replicaPorts) {
    this.name = name;
    this.port = port;
    this.replicaPorts = List.copyOf(replicaPorts);
    this.relays = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "front-door-" + name);
      thread.setDaemon(true);
      return thread;
    });
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

  /** The next replica in turn that accepts a connection; each is tried once. */
  private Optional<Socket> connectToAReplica() {
    int first = Math.floorMod(next.getAndIncrement(), replicaPorts.size());
    for (int i = 0; i < replicaPorts.size(); i++) {
      int replicaPort = replicaPorts.get((first + i) % replicaPorts.size());
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
  }
}
