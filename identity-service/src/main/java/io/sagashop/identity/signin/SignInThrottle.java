package io.sagashop.identity.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sagashop.identity.account.AccountNames;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing down: {@value #ATTEMPTS} attempts for a name from one address, then that
 * address may try that name again only once every {@code WINDOW / ATTEMPTS}; the form answers "too
 * many attempts" without checking the password. An attempt is taken from the count before the
 * password is checked, atomically, so a burst of parallel attempts gets no more checks than a slow
 * one; a right password gives the count back in full, and an attempt that could not be checked (the
 * accounts unreadable) is given back. Counted per (address, name), never per name alone: a stranger's
 * storm must not keep the seller, at her own address, out of her Tasklist (Camunda's own lock after
 * ten wrong passwords did exactly that, for good). The name counts by its {@link AccountNames#skeleton
 * skeleton}, so {@code SELLER} or {@code seller.} share the count of {@code seller}. Behind the Ingress
 * the address is the client's, from X-Forwarded-For of a configured proxy only
 * ({@code SAGASHOP_TRUSTED_PROXIES}; none locally).
 */
final class SignInThrottle extends OncePerRequestFilter {

  static final int ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  /** Bounded, and forgotten after a quiet while: a storm of made-up names cannot fill the memory. */
  private final Cache<String, Bucket> attempts = Caffeine.newBuilder()
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
    if (!attemptsOf(request).tryConsume(1)) {
      log.warn("Sign-in of {} from {} slowed down after {} attempts", request.getParameter("username"), request.getRemoteAddr(), ATTEMPTS);
      response.sendRedirect(request.getContextPath() + "/login?slowdown");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The password could not be checked (the accounts were unreadable): the attempt does not count. */
  void notChecked(HttpServletRequest request) {
    attemptsOf(request).addTokens(1);
  }

  void signedIn(HttpServletRequest request) {
    attempts.invalidate(keyOf(request));
  }

  private Bucket attemptsOf(HttpServletRequest request) {
    return attempts.get(keyOf(request), key -> Bucket.builder()
        .addLimit(limit -> limit.capacity(ATTEMPTS).refillGreedy(ATTEMPTS, WINDOW))
        .build());
  }

  private static String keyOf(HttpServletRequest request) {
    return request.getRemoteAddr() + " " + AccountNames.skeleton(request.getParameter("username"));
  }
}
