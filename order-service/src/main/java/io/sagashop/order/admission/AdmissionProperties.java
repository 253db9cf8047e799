package io.sagashop.order.admission;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many order placements the service takes.
 *
 * @param maxConcurrent placements handled at the same time; more answer 503
 * @param perSecond placements accepted per second; more answer 429
 * @param perCustomerPerMinute placements one customer may make in a minute; more answer 429 to
 *     that customer alone, before they count against the shop's own rate
 */
@Validated
@ConfigurationProperties("sagashop.order.admission")
record AdmissionProperties(@Min(1) int maxConcurrent, @Min(1) int perSecond, @Min(1) int perCustomerPerMinute) {}
