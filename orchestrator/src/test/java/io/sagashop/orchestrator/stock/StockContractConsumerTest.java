package io.sagashop.orchestrator.stock;

import static io.sagashop.testsupport.ContractExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.inventory.contract.StockDecreaseRequest;
import io.sagashop.inventory.contract.StockProblems;
import io.sagashop.orchestrator.ContractClients;
import io.sagashop.orchestrator.SagaExecutions;
import io.sagashop.orchestrator.saga.SagaStep;
import io.sagashop.testsupport.HttpStub;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * "Decrease stock" against inventory-service's contract: it sends the contract's request, and the
 * contract's out-of-stock problem (found by its type, not by reading the body) refunds the order.
 */
class StockContractConsumerTest {

  private final UUID orderId = UUID.randomUUID();
  private final String path = "/stock-decreases/" + orderId;
  private final HttpStub inventory = HttpStub.start();
  private final DecreaseStock decreaseStock = new DecreaseStock(SagaExecutions.STARTED_ORDERS, ContractClients.client(InventoryClient.class, inventory.url()));
  private final DelegateExecution execution = SagaExecutions.of("Decrease stock", orderId, "tea-rooibos", 2, "25.80");

  @AfterEach
  void stop() {
    inventory.close();
  }

  @Test
  void sendsTheContractsRequest() throws Exception {
    inventory.answer("PUT", path, 200, "{\"orderId\":\"" + orderId + "\",\"productId\":\"tea-rooibos\",\"quantity\":2,\"remainingStock\":3}");

    decreaseStock.execute(execution);

    JSONAssert.assertEquals(example(StockDecreaseRequest.class, "stock-decrease-request.json"), inventory.body("PUT", path), JSONCompareMode.STRICT);
  }

  @Test
  void theContractsOutOfStockProblemIsTheBpmnErrorThatRefunds() {
    inventory.answer("PUT", path, 409, example(StockProblems.class, "out-of-stock.json"));

    assertThatThrownBy(() -> decreaseStock.execute(execution))
        .isInstanceOfSatisfying(BpmnError.class, error -> assertThat(error.getErrorCode()).isEqualTo("OUT_OF_STOCK"));
  }

  @Test
  void anyOtherRefusalIsAFailureTheOperatorCanRead() {
    // the same status and a body that even mentions the out-of-stock path, but not its type
    inventory.answer("PUT", path, 409, "{\"type\":\"about:blank\",\"status\":409,\"detail\":\"see /problems/out-of-stock\"}");

    assertThatThrownBy(() -> decreaseStock.execute(execution))
        .isInstanceOf(SagaStep.SagaStepFailedException.class)
        .hasMessageContaining("Decrease stock failed for order " + orderId)
        .hasMessageContaining("answered 409");
  }
}
