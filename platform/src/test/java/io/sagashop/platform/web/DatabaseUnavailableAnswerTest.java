package io.sagashop.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * While a service's database restarts (the chaos run kills it), a customer's call answers 503 with
 * Retry-After, which clients and the page try again, instead of a 500 that reads like a bug.
 */
class DatabaseUnavailableAnswerTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new DatabaseDown()).setControllerAdvice(new ProblemDetailsAdvice()).build();

  @Test
  void shouldAnswerServiceUnavailableWithRetryAfterWhenNoTransactionCanBegin() throws Exception {
    mvc.perform(post("/no-connection"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Temporarily unavailable"))
        .andExpect(jsonPath("$.detail").value("The service's database cannot be reached; nothing was stored. Please try again shortly."));
  }

  @Test
  void shouldAnswerServiceUnavailableWhenTheConnectionBreaksMidway() throws Exception {
    mvc.perform(post("/connection-broken"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"));
  }

  @RestController
  static class DatabaseDown {

    @PostMapping("/no-connection")
    void noConnection() {
      throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
          new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms"));
    }

    @PostMapping("/connection-broken")
    void connectionBroken() {
      throw new DataAccessResourceFailureException("An I/O error occurred while sending to the backend.");
    }
  }
}
