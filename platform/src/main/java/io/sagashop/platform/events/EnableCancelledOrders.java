package io.sagashop.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service that must refuse a late step for a cancelled order (payment-service, delivery-service)
 * asks for {@link CancelledOrders} with this, and creates the {@code cancelled_order} table in its
 * own schema; the others neither get the bean nor the table.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(EnableCancelledOrders.CancelledOrdersConfiguration.class)
public @interface EnableCancelledOrders {

  @Configuration(proxyBeanMethods = false)
  class CancelledOrdersConfiguration {

    @Bean
    CancelledOrders cancelledOrders(JdbcTemplate jdbc, Clock clock, OrderLocks locks) {
      return new CancelledOrders(jdbc, clock, locks);
    }
  }
}
