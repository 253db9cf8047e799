package io.sagashop.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.sagashop.platform.tracing.CurrentTrace;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The outbox and the consumers' retry and dead-letter policy, the same in every service. */
@AutoConfiguration(after = org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  EventOutbox eventOutbox(
      ApplicationEventPublisher publisher, ObjectMapper json, Clock clock, @Value("${spring.application.name}") String source,
      CurrentTrace trace) {
    return new EventOutbox(publisher, json, clock, source, trace);
  }

  @Bean
  OrderLocks orderLocks(JdbcTemplate jdbc) {
    return new OrderLocks(jdbc);
  }

  @Bean
  OutboxMetrics outboxMetrics(JdbcTemplate jdbc, Clock clock) {
    return new OutboxMetrics(jdbc, clock);
  }

  @Bean
  EventReader eventReader(ObjectMapper json, Validator validator) {
    return new EventReader(json, validator);
  }

  /**
   * Every envelope goes to the service's own topic, keyed by orderId so one order's events stay in
   * order, with the trace that recorded it as its {@code traceparent} header: the consumer's span
   * then continues that trace, however late the outbox sends the event. (Raw bytes: a String header
   * value would be written as JSON, quotes and all, which no propagator reads.)
   */
  @Bean
  @ConditionalOnProperty("sagashop.events.topic")
  EventExternalizationConfiguration eventExternalization(EventsProperties properties) {
    return EventExternalizationConfiguration.externalizing()
        .selectByType(EventEnvelope.class)
        .route(EventEnvelope.class, event -> RoutingTarget.forTarget(properties.topic()).andKey(event.orderId().toString()))
        .headers(EventEnvelope.class, event -> event.traceparent() == null
            ? Map.of()
            : Map.of(CurrentTrace.TRACEPARENT, event.traceparent().getBytes(StandardCharsets.US_ASCII)))
        .build();
  }

  @Bean
  CommonErrorHandler eventErrorHandler(KafkaOperations<?, ?> template, EventsProperties properties, MeterRegistry meters) {
    // No end to the retries of a passing failure (a database restarting, a service down): giving up
    // would lose the record to the dead-letter topic. Only what never succeeds goes there, at once.
    ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
    backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetters(template, meters), backOff);
    handler.setBackOffFunction((record, failure) -> RecordFailures.neverSucceeds(failure) ? new FixedBackOff(0, 0) : null);
    return handler;
  }

  @Bean
  RecordInterceptor<Object, Object> orderIdLogging() {
    return new OrderIdLogging();
  }

  @Bean
  OutboxResubmission outboxResubmission(IncompleteEventPublications publications, EventsProperties properties) {
    return new OutboxResubmission(publications, properties);
  }
}
