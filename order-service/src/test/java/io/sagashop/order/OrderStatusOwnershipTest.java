package io.sagashop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.delivery.contract.DeliveryStatus;
import io.sagashop.order.ordering.OrderStatus;
import io.sagashop.payment.contract.PaymentStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The order's status is order-service's alone: no other module's code names one (a producer states
 * what happened; order-service decides what its customers see). Before, payment-, inventory- and
 * delivery-service each wrote order-service's status names into their events.
 */
class OrderStatusOwnershipTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> OTHER_MODULES = List.of("platform", "identity-service", "orchestrator", "payment-service",
      "inventory-service", "delivery-service", "contracts");

  @Test
  void noOtherModuleNamesAnOrderStatus() throws IOException {
    // a payment or a delivery has statuses of its own that share a name with an order's (PLACED, CANCELLED)
    Set<String> theirOwn = Stream.of(PaymentStatus.values(), DeliveryStatus.values()).flatMap(Arrays::stream).map(Enum::name)
        .collect(Collectors.toSet());
    List<String> statuses = Arrays.stream(OrderStatus.values()).map(Enum::name).filter(name -> !theirOwn.contains(name)).toList();
    assertThat(statuses).contains("AWAITING_DEPOSIT", "IN_DELIVERY");

    List<String> named = new ArrayList<>();
    for (String module : OTHER_MODULES) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module))) {
        files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("/src/main/")).forEach(file -> {
          String source = read(file);
          statuses.stream().filter(status -> source.contains('"' + status + '"')).forEach(status -> named.add(ROOT.relativize(file) + ": " + status));
        });
      }
    }

    assertThat(named).as("order statuses named outside order-service").isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
