package io.sagashop.platform.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;

/**
 * Seen in the chaos run: a customer's placement answered 500 when PostgreSQL died mid-transaction
 * (the rollback failed too) and when the identity provider restarted (order-service got no token to
 * call the catalog). Both pass in seconds, so they answer 503 with Retry-After, which the page and
 * clients try again; a failure of the same kind that is a bug still answers 500.
 */
class ConnectionLostAnswerTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ProblemDetailsAdvice()).build();

  @Test
  void shouldAnswerServiceUnavailableWhenEvenTheRollbackFailedForALostConnection() throws Exception {
    mvc.perform(post("/rollback-failed"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.detail").value("The service lost its database connection; nothing was stored. Please try again shortly."));
  }

  @Test
  void shouldAnswerServiceUnavailableWhenTheRollbackMeetsAConnectionThePoolHasClosed() throws Exception {
    // seen in CI's chaos run: the transaction's own failure is lost, the rollback's is all that arrives
    mvc.perform(post("/rollback-on-closed-connection"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"));
  }

  @Test
  void shouldAnswerServiceUnavailableWhenTheServerShutsTheConnection() throws Exception {
    mvc.perform(post("/server-shutting-down")).andExpect(status().isServiceUnavailable());
  }

  @Test
  void shouldLeaveAnSqlErrorThatIsNotAboutTheConnectionAServerError() {
    assertThatThrownBy(() -> mvc.perform(post("/bad-sql")))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause().hasMessageContaining("syntax error");
  }

  @Test
  void shouldAnswerServiceUnavailableWhenNoTokenCanBeFetchedForACallToAnotherService() throws Exception {
    mvc.perform(post("/token-endpoint-down"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.title").value("Temporarily unavailable"))
        .andExpect(jsonPath("$.detail").value(
            "The shop's identity provider cannot be reached to authorize a call to another service. Please try again shortly."));
  }

  @Test
  void shouldLeaveARefusedClientAServerErrorBecauseItIsAConfigurationError() {
    assertThatThrownBy(() -> mvc.perform(post("/client-refused")))
        .hasCauseInstanceOf(OAuth2AuthorizationException.class);
  }

  @RestController
  static class Failing {

    @PostMapping("/rollback-failed")
    void rollbackFailed() {
      // what Hibernate and Spring make of it: JpaSystemException("Unable to rollback against JDBC Connection")
      throw new UncategorizedSQLException("rollback", null,
          new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    }

    @PostMapping("/rollback-on-closed-connection")
    void rollbackOnClosedConnection() {
      // JpaSystemException("Unable to rollback against JDBC Connection") over HikariCP's closed proxy
      throw new UncategorizedSQLException("rollback", null, new SQLException("Connection is closed"));
    }

    @PostMapping("/server-shutting-down")
    void serverShuttingDown() {
      throw new TransactionSystemException("Could not commit JPA transaction",
          new SQLException("terminating connection due to administrator command", "57P01"));
    }

    @PostMapping("/bad-sql")
    void badSql() {
      throw new UncategorizedSQLException("select", "selec 1", new SQLException("syntax error at or near \"selec\"", "42601"));
    }

    @PostMapping("/token-endpoint-down")
    void tokenEndpointDown() {
      throw new OAuth2AuthorizationException(
          new OAuth2Error("invalid_token_response", "An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response", null),
          new ResourceAccessException("I/O error on POST request for \"http://localhost:8085/oauth2/token\": Connection refused"));
    }

    @PostMapping("/client-refused")
    void clientRefused() {
      throw new OAuth2AuthorizationException(new OAuth2Error("invalid_client", "Client authentication failed", null));
    }
  }
}
