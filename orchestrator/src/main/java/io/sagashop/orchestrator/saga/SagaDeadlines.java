package io.sagashop.orchestrator.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The saga's deadlines.
 *
 * @param depositDeadline how long an order waits for its deposit before it is cancelled
 * @param receiptDeadline how long after delivery started receipt is assumed and the order closed
 */
@ConfigurationProperties("sagashop.saga")
public record SagaDeadlines(@DefaultValue("P3D") Duration depositDeadline, @DefaultValue("P14D") Duration receiptDeadline) {}
