package io.sagashop.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The paths the cluster's Ingresses route, read from k8s/base/ingress.yaml (packed into this jar by
 * the build), with Kubernetes' rules for matching them: an {@code Exact} path matches only itself, a
 * {@code Prefix} path matches itself and what lies under it element by element ({@code /orders}
 * matches {@code /orders/42}, not {@code /orders-old}); the longest match wins, an exact one before a
 * prefix of the same length. A path no Ingress routes goes nowhere.
 */
public final class IngressRoutes {

  static final String RESOURCE = "ingress/ingress.yaml";
  private static final String AFFINITY = "nginx.ingress.kubernetes.io/affinity";
  private static final String AFFINITY_COOKIE = "nginx.ingress.kubernetes.io/session-cookie-name";

  /**
   * One path of an Ingress and where it leads.
   *
   * @param affinityCookie the cookie that keeps a browser on one replica (the Ingress's cookie
   *     affinity), or null
   */
  public record Route(String ingress, String path, boolean exact, ShopService service, String affinityCookie) {

    boolean matches(String requestPath) {
      if (exact) {
        return requestPath.equals(path);
      }
      String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
    }
  }

  private final List<Route> routes;

  IngressRoutes(List<Route> routes) {
    this.routes = routes.stream()
        .sorted(Comparator.comparingInt((Route route) -> route.path().length()).reversed().thenComparing(route -> !route.exact()))
        .toList();
  }

  /** The routes of k8s/base/ingress.yaml. */
  public static IngressRoutes load() {
    return of(PackedManifests.packed(RESOURCE, "Ingress"));
  }

  /** The routes of Ingress manifests (other objects in the stream are passed over). */
  public static IngressRoutes parse(InputStream yaml) throws IOException {
    return of(PackedManifests.ofKind(yaml, "Ingress"));
  }

  private static IngressRoutes of(List<JsonNode> ingresses) {
    List<Route> routes = new ArrayList<>();
    for (JsonNode ingress : ingresses) {
      JsonNode annotations = ingress.path("metadata").path("annotations");
      String cookie = "cookie".equals(annotations.path(AFFINITY).asText()) ? annotations.path(AFFINITY_COOKIE).asText("INGRESSCOOKIE") : null;
      for (JsonNode rule : ingress.path("spec").path("rules")) {
        for (JsonNode path : rule.path("http").path("paths")) {
          String service = path.path("backend").path("service").path("name").asText();
          routes.add(new Route(ingress.path("metadata").path("name").asText(), path.path("path").asText(),
              "Exact".equals(path.path("pathType").asText()), serviceNamed(service), cookie));
        }
      }
    }
    return new IngressRoutes(routes);
  }

  /** Where a request for this path goes, if anywhere. */
  public Optional<Route> route(String requestPath) {
    return routes.stream().filter(route -> route.matches(requestPath)).findFirst();
  }

  /** Whether an Ingress sends this path (a query after it is ignored) to this service. */
  public boolean leadsTo(String pathAndQuery, ShopService service) {
    String path = pathAndQuery.replaceFirst("[?#].*", "");
    return route(path).map(route -> route.service() == service).orElse(false);
  }

  public List<Route> all() {
    return routes;
  }

  private static ShopService serviceNamed(String name) {
    return Arrays.stream(ShopService.values()).filter(service -> service.module().equals(name)).findFirst()
        .orElseThrow(() -> new StackException("An Ingress routes to Service " + name + ", which is no service of the shop"));
  }
}
