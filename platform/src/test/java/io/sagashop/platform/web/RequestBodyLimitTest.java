package io.sagashop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A body larger than a service could need is refused with 413 before it is read, or as soon as it passes the limit. */
class RequestBodyLimitTest {

  private static final int LIMIT = 1024;

  private final Orders orders = new Orders();
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(orders)
      .setControllerAdvice(new ProblemDetailsAdvice())
      .addFilters(new RequestBodyLimit(LIMIT, new ObjectMapper()))
      .build();

  @Test
  void shouldRefuseABodyThatAnnouncesMoreThanTheLimitBeforeReadingIt() throws Exception {
    mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"" + "x".repeat(10 * LIMIT) + "\"}"))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("/problems/request-too-large"))
        .andExpect(jsonPath("$.detail").value("The request body has 10251 bytes; this service reads at most 1024."));
    assertThat(orders.placed).hasValue(0);
  }

  @Test
  void shouldLetABodyWithinTheLimitThrough() throws Exception {
    mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"two teapots\"}")).andExpect(status().isOk());
    assertThat(orders.placed).hasValue(1);
  }

  @Test
  void shouldStopReadingABodySentWithoutItsLengthAtTheLimit() {
    MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/orders") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }
    };
    chunked.setContent(new byte[10 * LIMIT]);

    assertThatThrownBy(() -> new RequestBodyLimit(LIMIT, new ObjectMapper()).doFilter(chunked, new MockHttpServletResponse(),
        (request, response) -> request.getInputStream().readAllBytes()))
        .isInstanceOf(RequestBodyLimit.RequestBodyTooLargeException.class);
  }

  @Test
  void shouldAnswerSuchABodyWith413() {
    ResponseEntity<Object> answer = new ProblemDetailsAdvice().handleHttpMessageNotReadable(
        new HttpMessageNotReadableException("I/O error while reading input message",
            new RequestBodyLimit.RequestBodyTooLargeException(LIMIT), new MockHttpInputMessage(new byte[0])),
        null, HttpStatus.BAD_REQUEST, null);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(((ProblemDetail) answer.getBody()).getType()).hasToString("/problems/request-too-large");
  }

  @RestController
  static class Orders {

    final AtomicInteger placed = new AtomicInteger();

    @PostMapping("/orders")
    Map<String, String> place(@RequestBody Map<String, String> order) {
      placed.incrementAndGet();
      return order;
    }
  }
}
