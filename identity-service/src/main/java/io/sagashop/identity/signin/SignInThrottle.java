package io.sagashop.identity.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows wrong passwords down: after {@value #ATTEMPTS} wrong ones for a name from one address, that
 * address may try that name again only once every {@code WINDOW / ATTEMPTS}; the form answers "too
 * many attempts" without checking the password. Counted per (address, name), never per name alone:
 * a stranger's storm must not keep the seller, at her own address, out of her Tasklist (Camunda's
 * own lock after ten wrong passwords did exactly that, for good). Nothing is locked; a right
 * password clears the count. Behind the Ingress the address is the client's (X-Forwarded-For, which
 * Tomcat takes from trusted proxies only: {@code server.forward-headers-strategy}).
 */
final class SignInThrottle extends OncePerRequestFilter {

  static final int ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  /** Bounded, and forgotten after a quiet while: a storm of made-up names cannot fill the memory. */
  private final Cache<String, Bucket> wrongPasswords = Caffeine.newBuilder()
      .maximumSize(100_000)
      .expireAfterAccess(WINDOW.multipliedBy(10))
      .build();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Bucket bucket = wrongPasswords.getIfPresent(keyOf(request));
    if (bucket != null && bucket.getAvailableTokens() < 1) {
      log.warn("Sign-in of {} from {} slowed down after {} wrong passwords", request.getParameter("username"), request.getRemoteAddr(), ATTEMPTS);
      response.sendRedirect(request.getContextPath() + "/login?slowdown");
      return;
    }
    chain.doFilter(request, response);
  }

  void wrongPassword(HttpServletRequest request) {
    wrongPasswords.get(keyOf(request), key -> Bucket.builder()
            .addLimit(limit -> limit.capacity(ATTEMPTS).refillGreedy(ATTEMPTS, WINDOW))
            .build())
        .tryConsume(1);
  }

  void signedIn(HttpServletRequest request) {
    wrongPasswords.invalidate(keyOf(request));
  }

  private static String keyOf(HttpServletRequest request) {
    String name = request.getParameter("username");
    return request.getRemoteAddr() + " " + (name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
  }
}
