package io.sagashop.orchestrator.saga;

import static io.sagashop.orchestrator.saga.SagaVariables.AMOUNT;
import static io.sagashop.orchestrator.saga.SagaVariables.ORDER_ID;
import static io.sagashop.orchestrator.saga.SagaVariables.PRODUCT_ID;
import static io.sagashop.orchestrator.saga.SagaVariables.PRODUCT_NAME;
import static io.sagashop.orchestrator.saga.SagaVariables.QUANTITY;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.UUID;

/**
 * The facts of an order a saga starts with, whether from OrderPlaced or from a cancellation that
 * came first: the one place that turns them into the process's variables.
 */
public record SagaStart(UUID orderId, String productId, String productName, int quantity, BigDecimal amount) {

  /**
   * The start variables; the amount as an exact two-decimal string, which the process and the
   * seller's form keep unchanged.
   *
   * @throws ArithmeticException if the amount has fractions of a cent
   */
  public Map<String, Object> variables() {
    return Map.of(
        ORDER_ID, orderId.toString(),
        PRODUCT_ID, productId,
        PRODUCT_NAME, productName == null ? productId : productName,
        QUANTITY, quantity,
        AMOUNT, amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
  }
}
