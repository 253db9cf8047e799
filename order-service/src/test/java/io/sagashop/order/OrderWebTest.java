package io.sagashop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sagashop.order.catalog.Catalog;
import io.sagashop.order.ordering.Order;
import io.sagashop.order.ordering.OrderCancellation;
import io.sagashop.order.ordering.OrderReceipt;
import io.sagashop.order.ordering.OrderService;
import io.sagashop.order.ordering.OrderStatus;
import io.sagashop.order.page.IdentityProviderEndpoints;
import io.sagashop.order.view.OrderScreen;
import io.sagashop.order.view.OrderViewProjection;
import io.sagashop.order.view.OrderViews;
import io.sagashop.testsupport.AccessTable;
import io.sagashop.testsupport.ServiceWebSlice;
import io.sagashop.testsupport.TestIdentity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * order-service's web layer with its real security, without a database or a broker: who may call
 * what (every endpoint with every kind of caller), and how requests map onto the domain: the
 * customer is the token's, never the body's; bad input is a problem naming the field, and reaches
 * nothing; another customer's order is not found.
 */
@ServiceWebSlice
@ImportAutoConfiguration(RestClientAutoConfiguration.class) // the page's settings read the provider's discovery document
@Import({OrderAccess.class, IdentityProviderEndpoints.class, SimpleMeterRegistry.class})
class OrderWebTest {

  @Autowired MockMvc mvc;
  @Autowired RequestMappingHandlerMapping mappings;
  @MockitoBean OrderService orders;
  @MockitoBean OrderCancellation cancellation;
  @MockitoBean OrderReceipt receipt;
  @MockitoBean OrderViews views;
  @MockitoBean OrderViewProjection projection;
  @MockitoBean Catalog catalog;

  @Test
  void everyEndpointAnswersOnlyTheCallersThatNeedIt() {
    AccessTable.of()
        .openResource("GET /")
        .openResource("GET /index.html")
        .openResource("GET /app.js")
        .openResource("GET /app.css")
        .open("GET /catalog")
        .open("GET /page-settings")
        .allow("GET /orders", "customer")
        .allow("POST /orders", "customer")
        .allow("GET /orders/{orderId}", "customer")
        .allow("POST /orders/{orderId}/receipt", "customer")
        .allow("POST /orders/{orderId}/cancellation", "customer")
        .allow("POST /internal/orders/{orderId}/closure", "service:orders.saga")
        .allow("POST /internal/orders/{orderId}/cancellation", "service:orders.saga")
        .allow("POST /internal/order-view/rebuild", "operator")
        .assertHolds(mvc, mappings);
  }

  @Test
  void placesTheOrderForTheCustomerTheTokenNamesNotTheBody() throws Exception {
    Order placed = order("ada");
    when(orders.place(anyString(), anyString(), anyInt(), any())).thenReturn(placed);

    mvc.perform(post("/orders").header("Authorization", "Bearer " + TestIdentity.customer("ada"))
            .header("Idempotency-Key", "k-1")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"productId\":\"tea\",\"quantity\":2,\"customerId\":\"mallory\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/orders/" + placed.orderId()))
        .andExpect(jsonPath("$.customerId").value("ada"));

    verify(orders).place("ada", "tea", 2, "k-1");
  }

  @Test
  void refusesABadQuantityNamingTheFieldAndPlacesNothing() throws Exception {
    for (String quantity : List.of("0", "101", "null", "\"two\"")) {
      mvc.perform(post("/orders").header("Authorization", "Bearer " + TestIdentity.customer("ada"))
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"productId\":\"tea\",\"quantity\":" + quantity + "}"))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("quantity"));
    }
    verifyNoInteractions(orders);
  }

  @Test
  void refusesAPageSizeBeyondTheLimitNamingTheParameter() throws Exception {
    mvc.perform(get("/orders").param("size", "1000").header("Authorization", "Bearer " + TestIdentity.customer("ada")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    verifyNoInteractions(views);
  }

  @Test
  void anotherCustomersOrderIsNotFound() throws Exception {
    UUID orderId = UUID.randomUUID();
    when(views.find(orderId)).thenReturn(Optional.of(screen(orderId, "bea")));

    mvc.perform(get("/orders/" + orderId).header("Authorization", "Bearer " + TestIdentity.customer("ada")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/orders/" + orderId).header("Authorization", "Bearer " + TestIdentity.customer("bea")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orderId").value(orderId.toString()));
  }

  @Test
  void anOrderIdThatIsNoUuidIsABadRequestNamingIt() throws Exception {
    mvc.perform(post("/orders/not-a-uuid/cancellation").header("Authorization", "Bearer " + TestIdentity.customer("ada")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("orderId"));
    verifyNoInteractions(orders, cancellation);
  }

  /** The provider's endpoints come from its discovery document: the test provider is laid out as Keycloak is. */
  @Test
  void tellsThePageTheProvidersEndpointsFoundFromTheIssuerAlone() throws Exception {
    mvc.perform(get("/page-settings"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clientId").value("shop-page"))
        .andExpect(jsonPath("$.issuer").value(TestIdentity.issuer()))
        .andExpect(jsonPath("$.authorizationEndpoint").value(TestIdentity.authorizationEndpoint()))
        .andExpect(jsonPath("$.tokenEndpoint").value(TestIdentity.tokenEndpoint()))
        .andExpect(jsonPath("$.endSessionEndpoint").value(TestIdentity.endSessionEndpoint()));
  }

  @Test
  void refusesAHugeBodyWith413BeforeReadingItOrCheckingTheToken() throws Exception {
    // 10 MB of JSON, from anybody: answered from its announced length alone (before, read whole, then 401)
    String huge = "{\"productId\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

    mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(huge))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/problems/request-too-large")))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reads at most 262144")));
    verifyNoInteractions(orders);
  }

  private static Order order(String customer) {
    Order order = mock(Order.class);
    when(order.orderId()).thenReturn(UUID.randomUUID());
    when(order.customerId()).thenReturn(customer);
    when(order.productId()).thenReturn("tea");
    when(order.quantity()).thenReturn(2);
    when(order.unitPrice()).thenReturn(new BigDecimal("4.50"));
    when(order.amount()).thenReturn(new BigDecimal("9.00"));
    when(order.status()).thenReturn(OrderStatus.PLACED);
    when(order.placedAt()).thenReturn(Instant.now());
    when(order.updatedAt()).thenReturn(Instant.now());
    return order;
  }

  private static OrderScreen screen(UUID orderId, String customer) {
    Instant now = Instant.now();
    return new OrderScreen(orderId, customer, "tea", "Tea", 2, new BigDecimal("4.50"), new BigDecimal("9.00"),
        "AWAITING_DEPOSIT", null, null, null, null, List.of(), now, now);
  }
}
