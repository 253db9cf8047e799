package io.sagashop.stack;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's public entry, as the cluster's Ingress controller is: one port that serves exactly the
 * paths k8s/base/ingress.yaml routes, each to its service, and answers 404 to any other, as nginx
 * does. The page, the browsers, the crowd and the chaos run come in here, so a path they need that the
 * Ingress does not route fails locally. The Host header goes through unchanged (the services build
 * their redirects from it, as behind nginx), and an Ingress with cookie affinity keeps a browser on one
 * replica with the same cookie, moving it to another ready replica when its own is gone.
 *
 * <p>Jetty's reverse proxy does the HTTP; this class only chooses where each request goes.
 */
final class ShopEntry implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ShopEntry.class);
  private static final String TARGET = ShopEntry.class.getName() + ".target";
  /** How long a replica's readiness is believed before its probe is asked again. */
  private static final Duration READINESS_KEPT = Duration.ofSeconds(1);

  /** Where the services answer: each as its Service (every replica), and each replica alone. */
  interface Backends {
    URI url(ShopService service);

    int replicas(ShopService service);

    URI url(ShopService service, int replica);

    boolean isReady(ShopService service, int replica);
  }

  private record Readiness(boolean ready, Instant checked) {}

  private final int port;
  private final IngressRoutes routes;
  private final Backends backends;
  private final Map<String, Readiness> readiness = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private Server server;

  ShopEntry(int port, IngressRoutes routes, Backends backends) {
    this.port = port;
    this.routes = routes;
    this.backends = backends;
  }

  void open() {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("entry");
    server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Router());
    try {
      server.start();
    } catch (Exception e) {
      throw new StackException("The shop's entry cannot listen on port " + port + ": " + e.getMessage(), e);
    }
    log.info("The shop's entry on port {} routes {} paths of the Ingresses", port, routes.all().size());
  }

  URI url() {
    return URI.create("http://localhost:" + port);
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        log.warn("The shop's entry did not stop cleanly: {}", e.getMessage());
      }
    }
  }

  /** Where this request goes: the route's service, on the replica its affinity cookie names when it has one. */
  private URI target(IngressRoutes.Route route, Request request, Response response) {
    ShopService service = route.service();
    int replicas = backends.replicas(service);
    if (route.affinityCookie() == null || replicas == 1) {
      return backends.url(service);
    }
    Optional<Integer> pinned = Request.getCookies(request).stream()
        .filter(cookie -> cookie.getName().equals(route.affinityCookie()))
        .map(cookie -> parse(cookie.getValue()))
        .filter(replica -> replica >= 1 && replica <= replicas)
        .findFirst();
    if (pinned.isPresent() && ready(service, pinned.get())) {
      return backends.url(service, pinned.get());
    }
    int chosen = chooseReady(service, replicas);
    Response.addCookie(response, HttpCookie.build(route.affinityCookie(), String.valueOf(chosen)).path("/").httpOnly(true).build());
    return backends.url(service, chosen);
  }

  /** The next ready replica in turn; when none is ready, the next one anyway (a stack still starting). */
  private int chooseReady(ShopService service, int replicas) {
    int start = Math.floorMod(next.getAndIncrement(), replicas);
    for (int i = 0; i < replicas; i++) {
      int replica = (start + i) % replicas + 1;
      if (ready(service, replica)) {
        return replica;
      }
    }
    return start + 1;
  }

  private boolean ready(ShopService service, int replica) {
    Readiness known = readiness.compute(service + "/" + replica, (key, last) ->
        last != null && last.checked().plus(READINESS_KEPT).isAfter(Instant.now())
            ? last
            : new Readiness(backends.isReady(service, replica), Instant.now()));
    return known.ready();
  }

  private static int parse(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private final class Router extends ProxyHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      Optional<IngressRoutes.Route> route = routes.route(path);
      if (route.isEmpty()) {
        Response.writeError(request, response, callback, 404, "No Ingress routes " + path);
        return true;
      }
      request.setAttribute(TARGET, target(route.get(), request, response));
      return super.handle(request, response, callback);
    }

    @Override
    protected HttpURI rewriteHttpURI(Request request) {
      URI target = (URI) request.getAttribute(TARGET);
      return HttpURI.build(request.getHttpURI()).scheme("http").host(target.getHost()).port(target.getPort()).asImmutable();
    }

    /** The Host the browser sent, as nginx passes it: the services' redirects must lead back here. */
    @Override
    protected void copyRequestHeaders(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
      super.copyRequestHeaders(clientToProxyRequest, proxyToServerRequest);
      String host = clientToProxyRequest.getHeaders().get(HttpHeader.HOST);
      if (host != null) {
        proxyToServerRequest.headers(headers -> headers.put(HttpHeader.HOST, host));
      }
    }

    @Override
    protected HttpClient newHttpClient() {
      HttpClient client = super.newHttpClient();
      client.setConnectTimeout(1_000);
      // a paused replica answers nothing: its connection is let go after a minute, as nginx's proxy_read_timeout
      client.setIdleTimeout(60_000);
      // Redirects and cookies belong to the browser, not to the proxy.
      client.setFollowRedirects(false);
      return client;
    }
  }
}
