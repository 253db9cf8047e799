package io.sagashop.stack;

import java.nio.file.Path;

/** The five applications of the shop: where their jar is, their local port and database. */
public enum ShopService {
  ORCHESTRATOR("orchestrator", 8080, "orchestrator"),
  ORDER("order-service", 8081, "orders"),
  PAYMENT("payment-service", 8082, "payments"),
  INVENTORY("inventory-service", 8083, "inventory"),
  DELIVERY("delivery-service", 8084, "deliveries");

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

  /** The environment variable that moves this service to another port, e.g. SAGASHOP_ORDER_SERVICE_PORT. */
  public String portVariable() {
    return "SAGASHOP_" + module.toUpperCase().replace('-', '_') + "_PORT";
  }

  Path jar(Path projectRoot) {
    return projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
  }
}
