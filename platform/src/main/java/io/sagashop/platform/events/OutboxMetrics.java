package io.sagashop.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the outbox is behind: events recorded but not yet taken by Kafka, and how long the oldest
 * has waited. A backlog that grows and ages means the broker is unreachable or refuses the events;
 * the events are safe in the database meanwhile and leave when it answers again.
 */
class OutboxMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("sagashop.outbox.events", this, OutboxMetrics::unsent)
        .description("Events recorded and not yet sent to Kafka")
        .register(registry);
    Gauge.builder("sagashop.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
        .description("How long the oldest unsent event has waited, 0 when none waits")
        .baseUnit("seconds")
        .register(registry);
  }

  private double unsent() {
    Long count = jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Long.class);
    return count == null ? 0 : count;
  }

  private double oldestAgeSeconds() {
    Timestamp oldest = jdbc.queryForObject("SELECT min(publication_date) FROM event_publication WHERE completion_date IS NULL", Timestamp.class);
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
  }
}
