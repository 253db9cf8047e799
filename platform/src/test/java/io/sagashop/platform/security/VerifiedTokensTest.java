package io.sagashop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token's signature is checked once while it is valid; expired, refused or other tokens always go to the decoder. */
class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private final List<String> checked = new ArrayList<>();
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final VerifiedTokens tokens = new VerifiedTokens(countingDecoder(), new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return clock.instant();
    }
  });

  @Test
  void shouldCheckACustomersTokenOnceForAllTheirLooksAtTheirOrder() {
    Jwt first = tokens.decode("alice-expires-in-600s");
    Jwt again = tokens.decode("alice-expires-in-600s");
    later(Duration.ofSeconds(120));
    Jwt later = tokens.decode("alice-expires-in-600s");

    assertThat(checked).containsExactly("alice-expires-in-600s");
    assertThat(again).isSameAs(first);
    assertThat(later).isSameAs(first);
  }

  @Test
  void shouldCheckEveryOtherTokenItself() {
    tokens.decode("alice-expires-in-600s");
    tokens.decode("bob-expires-in-600s");

    assertThat(checked).containsExactly("alice-expires-in-600s", "bob-expires-in-600s");
  }

  @Test
  void shouldCheckATokenAgainOnceItExpired() {
    tokens.decode("alice-expires-in-60s");
    later(Duration.ofSeconds(60));

    assertThatThrownBy(() -> tokens.decode("alice-expires-in-60s")).isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
    assertThat(checked).containsExactly("alice-expires-in-60s", "alice-expires-in-60s");
  }

  @Test
  void shouldCheckALongLivedTokenAgainAfterFiveMinutes() {
    tokens.decode("service-expires-in-3600s");
    later(Duration.ofMinutes(VerifiedTokens.REMEMBERED_MINUTES).minusSeconds(1));
    tokens.decode("service-expires-in-3600s");
    later(Duration.ofSeconds(1));
    tokens.decode("service-expires-in-3600s");

    assertThat(checked).containsExactly("service-expires-in-3600s", "service-expires-in-3600s");
  }

  @Test
  void shouldNeverRememberARefusedToken() {
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

    assertThat(checked).containsExactly("forged", "forged");
  }

  private void later(Duration duration) {
    clock = Clock.offset(clock, duration);
  }

  /** Stands in for the provider's keys: "<name>-expires-in-<seconds>s" is a good token issued at NOW, anything else forged. */
  private JwtDecoder countingDecoder() {
    return token -> {
      checked.add(token);
      if (!token.contains("-expires-in-")) {
        throw new BadJwtException("signature does not match");
      }
      Instant expiresAt = NOW.plusSeconds(Long.parseLong(token.replaceAll(".*-expires-in-(\\d+)s", "$1")));
      if (!clock.instant().isBefore(expiresAt)) {
        throw new BadJwtException("Jwt expired at " + expiresAt);
      }
      return Jwt.withTokenValue(token).header("alg", "RS256").subject(token.split("-")[0]).issuedAt(NOW).expiresAt(expiresAt).build();
    };
  }
}
