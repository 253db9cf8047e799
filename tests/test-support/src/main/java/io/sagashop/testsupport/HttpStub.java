package io.sagashop.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another service as the service under test sees it over HTTP: the test says what each call
 * answers ({@code answer("POST", "/saga/orders/42/receipt", 202, "{}")}) and counts how often it was
 * made. Anything not told answers 404. On the loopback interface, on a free port.
 */
public final class HttpStub implements AutoCloseable {

  private record Answer(int status, String json) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();

  private HttpStub(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  public static HttpStub start() {
    try {
      return new HttpStub(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** From now on, {@code method path} answers this status with this JSON body. */
  public HttpStub answer(String method, String path, int status, String json) {
    answers.put(method + " " + path, new Answer(status, json));
    return this;
  }

  /** How often {@code method path} was called. */
  public int calls(String method, String path) {
    AtomicInteger count = calls.get(method + " " + path);
    return count == null ? 0 : count.get();
  }

  /** The Authorization header of the last such call ("" when it had none): who the caller said it was. */
  public String authorization(String method, String path) {
    return authorizations.getOrDefault(method + " " + path, "");
  }

  /** The body of the last such call ("" when it had none): what the caller sent. */
  public String body(String method, String path) {
    return bodies.getOrDefault(method + " " + path, "");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    calls.computeIfAbsent(call, key -> new AtomicInteger()).incrementAndGet();
    authorizations.put(call, Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), ""));
    bodies.put(call, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Answer answer = answers.getOrDefault(call, new Answer(404, "{\"title\":\"Not found\",\"status\":404}"));
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
