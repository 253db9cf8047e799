package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrontDoorTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  @Test
  void shouldSpreadConnectionsOverTheReplicasInTurn() throws IOException {
    Replica first = replica("first");
    Replica second = replica("second");
    int port = frontDoor(first.port(), second.port());

    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(call(port, "hello"));
    }

    assertThat(answers).containsExactlyInAnyOrder("first:hello", "second:hello", "first:hello", "second:hello");
  }

  @Test
  void shouldSendEveryConnectionToTheReplicaThatIsStillThereWhenOneIsDown() throws IOException {
    Replica alive = replica("alive");
    int deadPort;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = gone.getLocalPort();
    }
    int port = frontDoor(deadPort, alive.port());

    for (int i = 0; i < 4; i++) {
      assertThat(call(port, "order " + i)).isEqualTo("alive:order " + i);
    }
  }

  @Test
  void shouldCloseTheCallersConnectionWhenNoReplicaTakesIt() throws IOException {
    int deadPort;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = gone.getLocalPort();
    }
    int port = frontDoor(deadPort);

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void shouldSendNoNewConnectionToAReplicaWhoseReadinessProbeFailsUntilItPassesAgain() throws IOException {
    // a paused replica: the kernel still completes connections to it, and nothing answers them
    ServerSocket paused = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    open.add(paused);
    AtomicBoolean pausedIsReady = new AtomicBoolean(false);
    Replica answering = replica("answering");
    FrontDoor door = open(new FrontDoor.Upstream(paused.getLocalPort(), pausedIsReady::get), new FrontDoor.Upstream(answering.port(), () -> true));

    await().atMost(Duration.ofSeconds(10)).until(() -> door.readyPorts().equals(List.of(answering.port())));
    for (int i = 0; i < 4; i++) {
      // before, every second connection went to the paused replica and hung
      assertThat(call(door.port(), "order " + i)).isEqualTo("answering:order " + i);
    }

    pausedIsReady.set(true);
    await().atMost(Duration.ofSeconds(10)).until(() -> door.readyPorts().size() == 2);
  }

  private int frontDoor(Integer... replicaPorts) throws IOException {
    return open(Arrays.stream(replicaPorts).map(replicaPort -> new FrontDoor.Upstream(replicaPort, () -> true)).toArray(FrontDoor.Upstream[]::new)).port();
  }

  private FrontDoor open(FrontDoor.Upstream... replicas) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    FrontDoor door = new FrontDoor("test-service", port, List.of(replicas));
    door.open();
    open.add(door);
    return door;
  }

  /** Writes a line, half-closes, and reads the whole answer, as an HTTP/1.0 client would. */
  private static String call(int port, String message) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A server that answers each connection with its name and what it was sent. */
  private Replica replica(String name) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    open.add(server);
    Thread thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket connection = server.accept()) {
          InputStream in = connection.getInputStream();
          byte[] received = in.readAllBytes();
          OutputStream out = connection.getOutputStream();
          out.write((name + ":" + new String(received, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException closed) {
          return;
        }
      }
    }, "replica-" + name);
    thread.setDaemon(true);
    thread.start();
    return new Replica(server.getLocalPort());
  }

  private record Replica(int port) {}
}
