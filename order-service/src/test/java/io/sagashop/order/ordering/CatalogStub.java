package io.sagashop.order.ordering;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * inventory-service's catalog as order-service sees it over HTTP: a teapot at 48.00, a gold one at 20,000.00,
 * and "broken-*" products for which the catalog fails.
 */
public final class CatalogStub {

  public static final String TEAPOT = "teapot-kyusu";
  /** At 20,000.00: 50 of them are the largest order a bank transfer can pay. */
  public static final String GOLD_TEAPOT = "teapot-gold";
  private static HttpServer server;

  private CatalogStub() {}

  public static synchronized String url() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/products", exchange -> {
        byte[] bytes = ("[{\"productId\":\"" + TEAPOT + "\",\"name\":\"Kyusu clay teapot\",\"unitPrice\":48.00,\"stock\":10}]")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      server.createContext("/products/", exchange -> {
        String productId = exchange.getRequestURI().getPath().substring("/products/".length());
        int status;
        String body;
        if (productId.equals(TEAPOT)) {
          status = 200;
          body = "{\"productId\":\"" + TEAPOT + "\",\"name\":\"Kyusu clay teapot\",\"unitPrice\":48.00,\"stock\":10}";
        } else if (productId.equals(GOLD_TEAPOT)) {
          status = 200;
          body = "{\"productId\":\"" + GOLD_TEAPOT + "\",\"name\":\"Gold teapot\",\"unitPrice\":20000.00,\"stock\":100}";
        } else if (productId.startsWith("broken-")) {
          status = 503;
          body = "{}";
        } else {
          status = 404;
          body = "{\"title\":\"Unknown product\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      server.start();
    }
    return "http://localhost:" + server.getAddress().getPort();
  }
}
