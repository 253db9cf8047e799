package io.sagashop.stack;

import java.nio.file.Path;

/** The applications of the shop: where their jar is, their local port and database. */
public enum ShopService {
  ORCHESTRATOR("orchestrator", 8080, "orchestrator"),
  ORDER("order-service", 8081, "orders"),
  PAYMENT("payment-service", 8082, "payments"),
  INVENTORY("inventory-service", 8083, "inventory"),
  DELIVERY("delivery-service", 8084, "deliveries"),
  /** The local identity provider; in production any OpenID Connect provider takes its place. */
  IDENTITY("identity-service", 8085, "identity");

  private final String module;
  private final int defaultPort;
  private final String database;

  ShopService(String module, int defaultPort, String database) {
    this.module = module;
    this.defaultPort = defaultPort;
    this.database = database;
  }

  /** The Maven module, also the name in logs and on the console. */
  public String module() {
    return module;
  }

  public int defaultPort() {
    return defaultPort;
  }

  public String database() {
    return database;
  }

  /**
   * Whether it runs as several processes with --replicas. The identity provider runs once: a
   * browser's sign-in lives in one process's session (production runs a provider with its own
   * high availability).
   */
  public boolean replicable() {
    return this != IDENTITY;
  }

  /** The environment variable that moves this service to another port, e.g. SAGASHOP_ORDER_SERVICE_PORT. */
  public String portVariable() {
    return "SAGASHOP_" + module.toUpperCase().replace('-', '_') + "_PORT";
  }

  Path jar(Path projectRoot) {
    return projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
  }
}
