package io.sagashop.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No service reads more of a request body than it could ever need ({@code sagashop.web.max-request-body},
 * 256 KB): a body that announces more is answered 413 problem+json before a byte of it is read, even
 * for a caller without a token; one sent in chunks is read up to the limit and then refused the same
 * way ({@link RequestBodyTooLargeException}, which the services' problem answers turn into 413).
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

  static final URI TOO_LARGE = URI.create("/problems/request-too-large");

  private final long limit;
  private final ObjectMapper json;

  public RequestBodyLimit(long limit, ObjectMapper json) {
    this.limit = limit;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long announced = request.getContentLengthLong();
    if (announced > limit) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem(limit, announced, request.getRequestURI()));
      return;
    }
    chain.doFilter(announced >= 0 ? request : new Limited(request, limit), response);
  }

  static ProblemDetail problem(long limit, long size, String instance) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body has " + (size < 0 ? "more than " + limit : String.valueOf(size)) + " bytes; this service reads at most " + limit + ".");
    problem.setTitle("Request too large");
    problem.setType(TOO_LARGE);
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    return problem;
  }

  /** A body sent without its length: read until the limit, then refused. */
  public static final class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
      super("The request body has more than " + limit + " bytes");
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream body = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int next = body.read();
            count(next < 0 ? 0 : 1);
            return next;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
          }

          private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > limit) {
              throw new RequestBodyTooLargeException(limit);
            }
          }

          @Override
          public boolean isFinished() {
            return body.isFinished();
          }

          @Override
          public boolean isReady() {
            return body.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
