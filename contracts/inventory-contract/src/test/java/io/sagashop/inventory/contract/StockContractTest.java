package io.sagashop.inventory.contract;

import static io.sagashop.testsupport.ContractExamples.assertReadAcrossVersions;
import static io.sagashop.testsupport.ContractExamples.assertWrittenAs;
import static io.sagashop.testsupport.ContractExamples.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The stock types read and write exactly the examples both sides' tests use. */
class StockContractTest {

  @Test
  void aStockDecreaseRequestIsTheExample() {
    StockDecreaseRequest request = read(StockDecreaseRequest.class, "stock-decrease-request.json", StockDecreaseRequest.class);

    assertThat(request).isEqualTo(new StockDecreaseRequest("tea-rooibos", 2));
    assertWrittenAs(request, StockDecreaseRequest.class, "stock-decrease-request.json");
  }

  @Test
  void theOutOfStockExampleHasTheContractsProblemType() {
    JsonNode problem = read(StockProblems.class, "out-of-stock.json", JsonNode.class);

    assertThat(problem.get("type").asText()).isEqualTo(StockProblems.OUT_OF_STOCK.toString());
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    assertThat(problem.has("productId") && problem.has("inStock")).isTrue();
  }

  @Test
  void thePathsNameTheOrder() {
    assertThat(StockApi.DECREASE).isEqualTo("/stock-decreases/{orderId}");
    assertThat(StockApi.RESTORATION).isEqualTo("/stock-decreases/{orderId}/restoration");
  }

  @Test
  void everyExampleIsReadByOlderAndNewerServicesAlike() {
    // a rollout may upgrade either side first: neither refuses what the other writes
    assertReadAcrossVersions(StockDecreaseRequest.class, "stock-decrease-request.json", StockDecreaseRequest.class);
  }
}
