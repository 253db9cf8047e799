package io.sagashop.inventory;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sagashop.inventory.product.ProductRepository;
import io.sagashop.inventory.stock.StockService;
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

/**
 * inventory-service's web layer with its real security: the catalog for order-service and staff,
 * products and stock changed by staff, stock decreases for the orchestrator alone.
 */
@ServiceWebSlice
@Import(InventoryAccess.class)
class InventoryWebTest {

  @Autowired MockMvc mvc;
  @Autowired RequestMappingHandlerMapping mappings;
  @MockitoBean ProductRepository products;
  @MockitoBean StockService stock;

  @Test
  void everyEndpointAnswersOnlyTheCallersThatNeedIt() {
    AccessTable.of()
        .pathValue("productId", "tea")
        .allow("GET /products", "service:catalog.read", "seller", "operator")
        .allow("GET /products/{productId}", "service:catalog.read", "seller", "operator")
        .allow("PUT /products/{productId}", "seller", "operator")
        .allow("PUT /products/{productId}/stock", "seller", "operator")
        .allow("PUT /stock-decreases/{orderId}", "service:stock.saga")
        .allow("POST /stock-decreases/{orderId}/restoration", "service:stock.saga")
        .assertHolds(mvc, mappings);
  }

  @Test
  void refusesAProductIdThatIsNoCatalogNameNamingItAndStoresNothing() throws Exception {
    for (String productId : List.of("Tea", "-tea", "t_a", "t".repeat(65))) {
      mvc.perform(put("/products/" + productId)
              .header("Authorization", "Bearer " + TestIdentity.staff("seller", "SELLER"))
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"name\":\"Tea\",\"unitPrice\":4.50}"))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("productId"));
    }
    verifyNoInteractions(products);
  }

  @Test
  void refusesAStockDecreaseOfNothingOrTooMuchNamingTheFieldAndTakesNothing() throws Exception {
    for (String quantity : List.of("0", "-1", "1001", "null")) {
      mvc.perform(put("/stock-decreases/" + UUID.randomUUID())
              .header("Authorization", "Bearer " + TestIdentity.service("orchestrator", "stock.saga"))
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"productId\":\"tea\",\"quantity\":" + quantity + "}"))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("quantity"));
    }
    verifyNoInteractions(stock);
  }
}
