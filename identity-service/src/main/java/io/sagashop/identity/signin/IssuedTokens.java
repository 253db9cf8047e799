package io.sagashop.identity.signin;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Grants and tokens in the database. Spring Authorization Server never deletes them (every token a
 * service fetches adds a row), so rows whose every token expired a day ago are removed hourly.
 */
@Configuration(proxyBeanMethods = false)
class IssuedTokens {

  private static final Logger log = LoggerFactory.getLogger(IssuedTokens.class);
  static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

  private final JdbcTemplate jdbc;

  IssuedTokens(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Bean
  OAuth2AuthorizationService authorizationService(RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationService(jdbc, clients);
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  int deleteExpired() {
    int deleted = jdbc.update("""
        DELETE FROM oauth2_authorization
         WHERE greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at, oidc_id_token_expires_at)
               < now() - make_interval(secs => ?)""", KEPT_AFTER_EXPIRY.toSeconds());
    if (deleted > 0) {
      log.info("Deleted {} expired grants", deleted);
    }
    return deleted;
  }
}
