package io.sagashop.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's events travel.
 *
 * @param topic the topic this service publishes its events to (each service owns one)
 * @param resubmitAfter how long an event may stay unsent before the outbox sends it again
 * @param retryInterval first wait before a failed record is processed again
 * @param retryMaxInterval longest wait between two attempts
 *     (a record that failed for a passing reason, a database or service down, is retried until it
 *     succeeds; only an unreadable one goes to the dead-letter topic)
 */
@ConfigurationProperties("sagashop.events")
public record EventsProperties(
    String topic,
    @DefaultValue("30s") Duration resubmitAfter,
    @DefaultValue("500ms") Duration retryInterval,
    @DefaultValue("10s") Duration retryMaxInterval) {}
