package io.sagashop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole service on a random port against a real PostgreSQL (a database of its own) and a real
 * Kafka broker in KRaft mode, shared by the test classes of one module that use the same settings.
 * Metrics are exported as in production, so that the Prometheus endpoint can be tested, and the
 * actuator answers on a management port of its own, as in Kubernetes (a random one here).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 3)
@ContextConfiguration(initializers = {TestPostgresInitializer.class, TestIdentityInitializer.class})
@TestPropertySource(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.server.port=0"})
@Tag("integration")
public @interface ServiceIntegrationTest {}
