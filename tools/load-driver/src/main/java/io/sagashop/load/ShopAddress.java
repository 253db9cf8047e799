package io.sagashop.load;

import io.sagashop.stack.KafkaConnection;
import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import io.sagashop.stack.StackSettings;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the shop under load answers: each service's base URL, the passwords of the seller and the
 * operator, and the broker as the stack's administrator (for the dead-letter topics and the poison records).
 */
public record ShopAddress(Map<ShopService, URI> urls, ShopPasswords passwords, KafkaConnection kafka) {

  /** A stack this JVM started (the end-to-end tests, or {@code ./sagashop load} without a running shop). */
  public static ShopAddress of(LocalStack stack) {
    Map<ShopService, URI> urls = new EnumMap<>(ShopService.class);
    for (ShopService service : ShopService.values()) {
      urls.put(service, stack.url(service));
    }
    return new ShopAddress(urls, stack.passwords(), stack.kafkaConnection());
  }

  /** The shop {@code ./sagashop run} started with these settings. */
  public static ShopAddress of(StackSettings settings, ShopPasswords passwords) {
    Map<ShopService, URI> urls = new EnumMap<>(ShopService.class);
    for (ShopService service : ShopService.values()) {
      urls.put(service, settings.url(service));
    }
    return new ShopAddress(urls, passwords, settings.kafkaConnection(passwords));
  }

  URI url(ShopService service) {
    return urls.get(service);
  }
}
