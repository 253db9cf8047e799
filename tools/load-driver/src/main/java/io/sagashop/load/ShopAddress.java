package io.sagashop.load;

import io.sagashop.stack.IngressRoutes;
import io.sagashop.stack.KafkaConnection;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackSettings;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the shop under load answers: its entry (the Ingress's paths), each service's base URL, the passwords of the seller and the
 * operator, and the broker as the stack's administrator (for the dead-letter topics and the poison records).
 */
public record ShopAddress(URI entry, Map<ShopService, URI> urls, ShopPasswords passwords, KafkaConnection kafka) {

  private static final IngressRoutes ROUTES = IngressRoutes.load();

  /** A stack this JVM started (the end-to-end tests, or {@code ./sagashop load} without a running shop). */
  public static ShopAddress of(LocalStack stack) {
    Map<ShopService, URI> urls = new EnumMap<>(ShopService.class);
    for (ShopService service : ShopService.values()) {
      urls.put(service, stack.url(service));
    }
    return new ShopAddress(stack.entryUrl(), urls, stack.passwords(), stack.kafkaConnection());
  }

  /** The shop {@code ./sagashop run} started with these settings. */
  public static ShopAddress of(StackSettings settings, ShopPasswords passwords) {
    Map<ShopService, URI> urls = new EnumMap<>(ShopService.class);
    for (ShopService service : ShopService.values()) {
      urls.put(service, settings.url(service));
    }
    return new ShopAddress(settings.entryUrl(), urls, passwords, settings.kafkaConnection(passwords));
  }

  URI url(ShopService service) {
    return urls.get(service);
  }

  /**
   * Where a client reaches this path of this service: through the entry when the Ingress routes it
   * there, as a customer or a seller would; otherwise at the service itself, as an operator inside
   * the cluster would (the view's rebuild, payments, deliveries).
   */
  public URI uri(ShopService service, String path) {
    return (ROUTES.leadsTo(path, service) ? entry : url(service)).resolve(path);
  }

  /** The customers' page: where the identity provider sends a customer back after signing in. */
  public URI page() {
    return entry.resolve("/");
  }
}
