package io.sagashop.stack;

/**
 * A part of the running stack that can die on its own: one replica of a service, the Kafka broker,
 * or the PostgreSQL server.
 *
 * @param service the service, for a replica; null for the broker and the database
 * @param replica counted from 1, for a replica; 0 otherwise
 */
public record StackPart(Kind kind, ShopService service, int replica) {

  public enum Kind {
    SERVICE,
    ORCHESTRATOR,
    KAFKA,
    POSTGRES
  }

  public static final StackPart KAFKA = new StackPart(Kind.KAFKA, null, 0);
  public static final StackPart POSTGRES = new StackPart(Kind.POSTGRES, null, 0);

  static StackPart replica(ShopService service, int replica) {
    return new StackPart(service == ShopService.ORCHESTRATOR ? Kind.ORCHESTRATOR : Kind.SERVICE, service, replica);
  }

  /** As the console and the logs name it: {@code payment-service-2}, {@code Kafka}, {@code PostgreSQL}. */
  @Override
  public String toString() {
    return switch (kind) {
      case KAFKA -> "Kafka";
      case POSTGRES -> "PostgreSQL";
      case SERVICE, ORCHESTRATOR -> service.module() + "-" + replica;
    };
  }
}
