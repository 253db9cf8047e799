package io.sagashop.delivery;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sagashop.delivery.shipping.DeliveryService;
import io.sagashop.testsupport.AccessTable;
import io.sagashop.testsupport.ServiceWebSlice;
import io.sagashop.testsupport.TestIdentity;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** delivery-service's web layer with its real security: a delivery is read by the orchestrator and by operators. */
@ServiceWebSlice
@Import(DeliveryAccess.class)
class DeliveryWebTest {

  @Autowired MockMvc mvc;
  @Autowired RequestMappingHandlerMapping mappings;
  @MockitoBean DeliveryService deliveries;

  @Test
  void everyEndpointAnswersOnlyTheCallersThatNeedIt() {
    AccessTable.of()
        .allow("GET /deliveries/{orderId}", "service:deliveries.read", "operator")
        .assertHolds(mvc, mappings);
  }

  @Test
  void anOrderWithoutDeliveryIsAProblemNamingIt() throws Exception {
    UUID orderId = UUID.randomUUID();
    when(deliveries.find(orderId)).thenReturn(Optional.empty());

    mvc.perform(get("/deliveries/" + orderId).header("Authorization", "Bearer " + TestIdentity.service("orchestrator", "deliveries.read")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Order " + orderId + " has no delivery."));
  }
}
