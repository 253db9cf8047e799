package io.sagashop.orchestrator.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The saga's deadlines.
 *
 * @param depositDeadline how long an order waits for its deposit before it is cancelled
 * @param deliveryDeadline how long after the delivery was requested it must have started; after
 *     that the saga asks delivery-service to cancel it, and if nothing shipped the stock is
 *     restored, the deposit refunded and the order cancelled
 * @param receiptDeadline how long after delivery started receipt is assumed and the order closed
 * @param retryCycle the waits between the attempts of a failing step (Camunda's retry time cycle);
 *     when they are spent the step raises an incident
 */
@ConfigurationProperties("sagashop.saga")
public record SagaDeadlines(
    @DefaultValue("P3D") Duration depositDeadline,
    @DefaultValue("P7D") Duration deliveryDeadline,
    @DefaultValue("P14D") Duration receiptDeadline,
    @DefaultValue("PT5S,PT10S,PT30S,PT1M,PT5M") String retryCycle) {}
