package io.sagashop.payment;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sagashop.payment.transfer.PaymentService;
import io.sagashop.testsupport.AccessTable;
import io.sagashop.testsupport.ServiceWebSlice;
import io.sagashop.testsupport.TestIdentity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** payment-service's web layer with its real security: payments move for the orchestrator alone; operators read them. */
@ServiceWebSlice
@Import(PaymentAccess.class)
class PaymentWebTest {

  @Autowired MockMvc mvc;
  @Autowired RequestMappingHandlerMapping mappings;
  @MockitoBean PaymentService payments;

  @Test
  void everyEndpointAnswersOnlyTheCallersThatNeedIt() {
    AccessTable.of()
        .allow("PUT /payments/{orderId}", "service:payments.saga")
        .allow("GET /payments/{orderId}", "service:payments.saga", "operator")
        .allow("POST /payments/{orderId}/check", "service:payments.saga")
        .allow("POST /payments/{orderId}/cancellation", "service:payments.saga")
        .assertHolds(mvc, mappings);
  }

  @Test
  void refusesAnAmountOutsideWhatATransferCanBeNamingTheFieldAndPlacesNothing() throws Exception {
    for (String amount : List.of("0", "-5", "0.001", "100000000", "\"lots\"", "null")) {
      mvc.perform(put("/payments/" + UUID.randomUUID())
              .header("Authorization", "Bearer " + TestIdentity.service("orchestrator", "payments.saga"))
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"amount\":" + amount + "}"))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }
    verifyNoInteractions(payments);
  }
}
