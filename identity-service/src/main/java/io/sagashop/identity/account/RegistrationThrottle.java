package io.sagashop.identity.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * New accounts per address: {@code SAGASHOP_REGISTRATIONS_PER_HOUR} (10) an hour, then one every
 * hour / that many. A script registering names by the thousand (to fill the accounts, or to find the
 * taken ones) is held back; a household or an office behind one address registers as usual. The
 * local stack, where every customer of a crowd comes from 127.0.0.1, allows many more.
 */
@Component
class RegistrationThrottle {

  static final Duration HOUR = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(RegistrationThrottle.class);

  private final int perHour;
  private final Cache<String, Bucket> registrations = Caffeine.newBuilder()
      .maximumSize(100_000)
      .expireAfterAccess(HOUR.multipliedBy(2))
      .build();

  RegistrationThrottle(@Value("${SAGASHOP_REGISTRATIONS_PER_HOUR:10}") int perHour) {
    this.perHour = perHour;
  }

  /** How long a refused address waits for its next registration. */
  Duration pause() {
    return HOUR.dividedBy(perHour);
  }

  /** Takes one registration of the request's address; false when it has none left. */
  boolean take(HttpServletRequest request) {
    boolean taken = registrations.get(request.getRemoteAddr(), address -> Bucket.builder()
            .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, HOUR))
            .build())
        .tryConsume(1);
    if (!taken) {
      log.warn("Registration from {} slowed down after {} in an hour", request.getRemoteAddr(), perHour);
    }
    return taken;
  }
}
