package io.sagashop.order.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Overload protection on order placement (N3): beyond the configured concurrency a customer gets
 * 503, beyond the configured rate 429, both with Retry-After and before anything is stored, so the
 * service turns people away briefly instead of falling over. Both limits are in the metrics. Each
 * customer also has a rate of their own (the token's subject), checked first: one customer's burst
 * is turned away before it uses up the rate every other customer shares.
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class) // also in a web slice, which scans no properties
class PlacementAdmission extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "1";

  private final Bulkhead concurrency;
  private final RateLimiter rate;
  private final RateLimiterConfig perCustomer;
  /** Bounded and forgotten after a quiet while, like any per-caller state a stranger could grow. */
  private final Cache<String, RateLimiter> customers = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
  private final ObjectMapper json;

  PlacementAdmission(AdmissionProperties properties, MeterRegistry meters, ObjectMapper json) {
    this.json = json;
    BulkheadRegistry bulkheads =
        BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(properties.maxConcurrent()).maxWaitDuration(Duration.ZERO).build());
    RateLimiterRegistry rateLimiters =
        RateLimiterRegistry.of(RateLimiterConfig.custom()
            .limitForPeriod(properties.perSecond())
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ZERO)
            .build());
    this.perCustomer = RateLimiterConfig.custom()
        .limitForPeriod(properties.perCustomerPerMinute())
        .limitRefreshPeriod(Duration.ofMinutes(1))
        .timeoutDuration(Duration.ZERO)
        .build();
    this.concurrency = bulkheads.bulkhead("order-placement");
    this.rate = rateLimiters.rateLimiter("order-placement");
    TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    TaggedRateLimiterMetrics.ofRateLimiterRegistry(rateLimiters).bindTo(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/orders".equals(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller != null && !customers.get(caller.getName(), name -> RateLimiter.of("order-placement-" + name, perCustomer)).acquirePermission()) {
      refuse(response, HttpStatus.TOO_MANY_REQUESTS, "You have placed many orders within a minute.", "60");
      return;
    }
    if (!concurrency.tryAcquirePermission()) {
      refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "The shop is busy with many orders at once.", RETRY_AFTER_SECONDS);
      return;
    }
    try {
      if (!rate.acquirePermission()) {
        refuse(response, HttpStatus.TOO_MANY_REQUESTS, "The shop takes only a limited number of orders per second.", RETRY_AFTER_SECONDS);
        return;
      }
      chain.doFilter(request, response);
    } finally {
      concurrency.onComplete();
    }
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String detail, String retryAfterSeconds) throws IOException {
    response.setStatus(status.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // JSON is UTF-8; the servlet default for a body written outside Spring MVC is ISO-8859-1.
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, detail + " Please try again in a moment; nothing was stored.");
    json.writeValue(response.getWriter(), problem);
  }
}
