package io.sagashop.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Feign clients and scheduling are switched on in {@link ServiceClients}, so that test slices leave them out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrderApplication.class, args);
  }
}
