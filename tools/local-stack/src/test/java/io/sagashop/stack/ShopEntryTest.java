package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entry routes as the cluster's Ingresses do (k8s/base/ingress.yaml, as packed into the jar),
 * against stand-in services that answer with who they are and what they were asked.
 */
class ShopEntryTest {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final List<HttpServer> servers = new ArrayList<>();
  /** Every request a stand-in received: "order-service GET /orders/42 host=localhost:1234". */
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Set<Integer> notReady = ConcurrentHashMap.newKeySet();
  private ShopEntry entry;
  private URI base;

  @BeforeEach
  void openTheEntry() throws IOException {
    URI order = standIn("order-service");
    List<URI> orchestrators = List.of(standIn("orchestrator-1"), standIn("orchestrator-2"));
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    entry = new ShopEntry(port, IngressRoutes.load(), new ShopEntry.Backends() {
      @Override
      public URI url(ShopService service) {
        return service == ShopService.ORDER ? order : orchestrators.get(0);
      }

      @Override
      public int replicas(ShopService service) {
        return service == ShopService.ORCHESTRATOR ? 2 : 1;
      }

      @Override
      public URI url(ShopService service, int replica) {
        return service == ShopService.ORCHESTRATOR ? orchestrators.get(replica - 1) : order;
      }

      @Override
      public boolean isReady(ShopService service, int replica) {
        return !notReady.contains(replica);
      }
    });
    entry.open();
    base = entry.url();
  }

  @AfterEach
  void closeAll() {
    entry.close();
    servers.forEach(server -> server.stop(0));
  }

  @Test
  void shouldServeThePagesPathsOnOrderServiceWithTheBrowsersHost() throws Exception {
    for (String path : List.of("/", "/index.html", "/app.js", "/page-settings", "/catalog", "/orders", "/orders/42/receipt")) {
      HttpResponse<String> answer = get(path, Map.of());
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.body()).as(path).isEqualTo("order-service GET " + path + " host=" + base.getAuthority());
    }
  }

  @Test
  void shouldRefuseEveryPathNoIngressRoutesWithoutReachingAService() throws Exception {
    for (String path : List.of("/internal/orders/42", "/saga/orders/42/cancellation", "/actuator/prometheus", "/ordersx", "/index.htm",
        "/app.js/x", "/oauth2/token", "/engine-restx")) {
      assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(404);
    }

    assertThat(received).isEmpty();
  }

  @Test
  void shouldPassABodyAndTheAnswerThroughUnchanged() throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/orders"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"productId\":\"matcha-whisk\"}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.body()).isEqualTo("order-service POST /orders host=" + base.getAuthority() + " body={\"productId\":\"matcha-whisk\"}");
  }

  @Test
  void shouldKeepABrowserOnOneOrchestratorAndMoveItWhenThatOneIsNotReady() throws Exception {
    HttpResponse<String> first = get("/camunda/app/tasklist/", Map.of());
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("sagashop-route=");
    String replica = cookie.substring("sagashop-route=".length(), cookie.indexOf(';'));

    for (int i = 0; i < 4; i++) {
      assertThat(get("/camunda/api/engine", Map.of("Cookie", "sagashop-route=" + replica)).body()).startsWith("orchestrator-" + replica + " ");
    }

    notReady.add(Integer.parseInt(replica));
    String other = replica.equals("1") ? "2" : "1";
    // the entry believes a replica's readiness for a second, as a probe period
    HttpResponse<String> moved = await().atMost(Duration.ofSeconds(5)).until(
        () -> get("/camunda/api/engine", Map.of("Cookie", "sagashop-route=" + replica)), answer -> answer.body().startsWith("orchestrator-" + other + " "));
    assertThat(moved.headers().firstValue("Set-Cookie")).hasValueSatisfying(value -> assertThat(value).startsWith("sagashop-route=" + other + ";"));
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI standIn(String name) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String answer = name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
          + " host=" + exchange.getRequestHeaders().getFirst("Host") + (body.isEmpty() ? "" : " body=" + body);
      received.add(answer);
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    servers.add(server);
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }
}
