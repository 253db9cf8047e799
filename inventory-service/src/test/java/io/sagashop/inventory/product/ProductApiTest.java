package io.sagashop.inventory.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.testsupport.ServiceIntegrationTest;
import io.sagashop.testsupport.TestIdentity;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The seller puts products in the catalog and changes them; customers see them at once. */
@ServiceIntegrationTest
@SuppressWarnings("rawtypes")
class ProductApiTest {

  @Autowired TestRestTemplate http;

  private final String productId = "gaiwan-" + UUID.randomUUID();

  @BeforeEach
  void callAsASeller() {
    TestIdentity.callAs(http, TestIdentity.staff("seller", "SELLER"));
  }

  @Test
  void shouldPutANewProductInTheCatalogWithoutStockAndRepriceItLater() {
    ResponseEntity<Map> created = describe(productId, Map.of("name", "Porcelain gaiwan", "unitPrice", "22.00"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("stock", 0).containsEntry("name", "Porcelain gaiwan");
    http.exchange("/products/{id}/stock", HttpMethod.PUT, new HttpEntity<>(Map.of("stock", 7)), Map.class, productId);

    ResponseEntity<Map> repriced = describe(productId, Map.of("name", "Porcelain gaiwan, white", "unitPrice", "24.50"));

    assertThat(repriced.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map product = http.getForObject("/products/{id}", Map.class, productId);
    assertThat(product).containsEntry("name", "Porcelain gaiwan, white").containsEntry("stock", 7);
    assertThat(product.get("unitPrice").toString()).isEqualTo("24.5");
  }

  @Test
  void shouldRefuseABadDescriptionNamingTheFieldAndStoreNothing() {
    ResponseEntity<Map> noPrice = describe(productId, Map.of("name", " "));

    assertThat(noPrice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noPrice.getBody().get("errors").toString()).contains("field=name").contains("field=unitPrice");
    ResponseEntity<Map> badId = describe("Not An Id!", Map.of("name", "Cup", "unitPrice", "3.00"));
    assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badId.getBody().get("errors").toString()).contains("productId");
    ResponseEntity<Map> negative = describe(productId, Map.of("name", "Cup", "unitPrice", "-1.00"));
    assertThat(negative.getBody().get("errors").toString()).contains("field=unitPrice");

    assertThat(http.getForEntity("/products/{id}", Map.class, productId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldRefuseAPriceNoBankTransferCouldPay() {
    // payment-service opens transfers from 0.01 to 1,000,000.00: a product outside would sell, then stall its saga
    ResponseEntity<Map> free = describe(productId, Map.of("name", "Cup", "unitPrice", "0.00"));
    ResponseEntity<Map> priceless = describe(productId, Map.of("name", "Cup", "unitPrice", "1000000.01"));

    assertThat(free.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(free.getBody().get("errors").toString()).contains("field=unitPrice");
    assertThat(priceless.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(priceless.getBody().get("errors").toString()).contains("field=unitPrice");
    assertThat(http.getForEntity("/products/{id}", Map.class, productId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<Map> describe(String id, Map<String, String> description) {
    return http.exchange("/products/{id}", HttpMethod.PUT, new HttpEntity<>(description), Map.class, id);
  }
}
