package io.sagashop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request about one order logs its orderId, as a consumed record does; the next request starts clean. */
class RequestOrderIdLoggingTest {

  private static final String ORDER = "4bdee090-b862-4a7f-8435-c741f9af8b95";

  @Test
  void shouldNameTheOrderOfThePathWhileTheRequestIsServed() throws Exception {
    assertThat(orderIdSeenServing("/orders/" + ORDER + "/cancellation")).containsExactly(ORDER);
    assertThat(orderIdSeenServing("/stock-decreases/" + ORDER)).containsExactly(ORDER);
    assertThat(MDC.get(RequestOrderIdLogging.MDC_KEY)).isNull();
  }

  @Test
  void shouldNameNoOrderForAPathWithout() throws Exception {
    assertThat(orderIdSeenServing("/orders")).containsExactly((String) null);
    assertThat(orderIdSeenServing("/products/" + ORDER + "x")).containsExactly((String) null);
  }

  private static List<String> orderIdSeenServing(String path) throws Exception {
    List<String> seen = new ArrayList<>();
    MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
      @Override
      protected void service(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        seen.add(MDC.get(RequestOrderIdLogging.MDC_KEY));
      }
    });
    new RequestOrderIdLogging().doFilter(new MockHttpServletRequest("POST", path), new MockHttpServletResponse(), chain);
    return seen;
  }
}
