package io.sagashop.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line written while a request about one order is served carries its orderId: every
 * service names the order in its paths ({@code /orders/{orderId}}, {@code /payments/{orderId}},
 * {@code /stock-decreases/{orderId}} ...), the way a consumed record names it in its key.
 */
class RequestOrderIdLogging extends OncePerRequestFilter {

  static final String MDC_KEY = "orderId";
  private static final Pattern ORDER_ID =
      Pattern.compile("/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(/|$)", Pattern.CASE_INSENSITIVE);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher orderId = ORDER_ID.matcher(request.getRequestURI());
    if (!orderId.find()) {
      chain.doFilter(request, response);
      return;
    }
    MDC.put(MDC_KEY, orderId.group(1));
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }
}
