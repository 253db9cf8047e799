package io.sagashop.orchestrator.access;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sagashop.orchestrator.cancellation.SagaCancellation;
import io.sagashop.orchestrator.migration.SagaMigration;
import io.sagashop.orchestrator.receipt.SagaReceipt;
import io.sagashop.orchestrator.saga.SagaVersions;
import io.sagashop.testsupport.AccessTable;
import io.sagashop.testsupport.ServiceWebSlice;
import io.sagashop.testsupport.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The orchestrator's own endpoints with its real security, without the engine: a customer's
 * cancellation or receipt reaches the saga only through order-service, which checks that the order
 * is theirs; only an operator moves open sagas to a new version. The engine REST API and the webapps: CamundaAccessTest and StaffEngineApiTest.
 */
@ServiceWebSlice
@Import(OrchestratorAccess.class)
class OrchestratorWebTest {

  @Autowired MockMvc mvc;
  @Autowired RequestMappingHandlerMapping mappings;
  @MockitoBean SagaCancellation cancellation;
  @MockitoBean SagaReceipt receipt;
  @MockitoBean SagaMigration migration;
  @MockitoBean SagaVersions versions;

  @Test
  void everyEndpointAnswersOnlyTheCallersThatNeedIt() {
    AccessTable.of()
        .allow("POST /saga/orders/{orderId}/cancellation", "service:saga.requests")
        .allow("POST /saga/orders/{orderId}/receipt", "service:saga.requests")
        .allow("POST /internal/saga/migrations/preview", "operator")
        .allow("POST /internal/saga/migrations", "operator")
        .allow("GET /internal/saga/migrations/{batchId}", "operator")
        .assertHolds(mvc, mappings);
  }

  @Test
  void refusesACancellationWithoutTheOrdersFactsNamingThemAndCancelsNothing() throws Exception {
    mvc.perform(post("/saga/orders/" + UUID.randomUUID() + "/cancellation")
            .header("Authorization", "Bearer " + TestIdentity.service("order-service", "saga.requests"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"productId\":\"tea\",\"quantity\":0}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("quantity", "amount")));
    verifyNoInteractions(cancellation);
  }
}
