package io.sagashop.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A token's signature is checked once, not at every call it comes with. A customer's page asks for
 * its order every 2 s, and each service's client-credentials token comes with every step of every
 * saga: checking an RSA signature each time was a sixth to a fifth of every resource server's CPU
 * under the benchmark's crowd (docs/performance.md). A token the decoder accepted is remembered by
 * its exact text, so only the same bytes, signature included, find it again; it is forgotten when
 * it expires, or {@value #REMEMBERED_MINUTES} minutes after its check, whichever comes first, and
 * then the decoder checks it again with all its rules. A refused token is never remembered.
 *
 * <p>Its clock is the wall clock, as the decoder's own expiry check is: a token expires in real
 * time, whatever clock a service's business runs on.
 *
 * <p>What this gives up: a key the provider withdraws still lets the tokens it signed through for
 * at most {@value #REMEMBERED_MINUTES} minutes after they were last checked, less than the 10 to 30
 * minutes the shop's access tokens live (and no JWT can be taken back before it expires anyway).
 */
final class VerifiedTokens implements JwtDecoder {

  static final int REMEMBERED_MINUTES = 5;
  /** Far more people and services than sign in within the time a token is remembered here. */
  static final int MOST_REMEMBERED = 4_096;

  private record Verified(Jwt jwt, Instant forgetAt) {}

  private final JwtDecoder decoder;
  private final Clock clock;
  private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(MOST_REMEMBERED).build();

  VerifiedTokens(JwtDecoder decoder, Clock clock) {
    this.decoder = decoder;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) {
    Instant now = clock.instant();
    Verified known = verified.getIfPresent(token);
    if (known != null && now.isBefore(known.forgetAt())) {
      return known.jwt();
    }
    Jwt jwt = decoder.decode(token);
    Instant forgetAt = now.plus(Duration.ofMinutes(REMEMBERED_MINUTES));
    if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(forgetAt)) {
      forgetAt = jwt.getExpiresAt();
    }
    verified.put(token, new Verified(jwt, forgetAt));
    return jwt;
  }
}
