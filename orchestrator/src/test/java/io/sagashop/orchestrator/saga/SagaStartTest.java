package io.sagashop.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one way a saga's start variables are made, from OrderPlaced or from an early cancellation. */
class SagaStartTest {

  private final UUID orderId = UUID.randomUUID();

  @Test
  void keepsTheAmountAsAnExactTwoDecimalString() {
    assertThat(new SagaStart(orderId, "teapot-kyusu", "Kyusu clay teapot", 2, new BigDecimal("96")).variables())
        .containsEntry(SagaVariables.ORDER_ID, orderId.toString())
        .containsEntry(SagaVariables.PRODUCT_ID, "teapot-kyusu")
        .containsEntry(SagaVariables.PRODUCT_NAME, "Kyusu clay teapot")
        .containsEntry(SagaVariables.QUANTITY, 2)
        .containsEntry(SagaVariables.AMOUNT, "96.00")
        .hasSize(5);
  }

  @Test
  void namesTheProductByItsIdWhenItsNameIsNotKnown() {
    assertThat(new SagaStart(orderId, "teapot-kyusu", null, 1, new BigDecimal("48.00")).variables())
        .containsEntry(SagaVariables.PRODUCT_NAME, "teapot-kyusu");
  }

  @Test
  void refusesFractionsOfACent() {
    assertThatThrownBy(() -> new SagaStart(orderId, "teapot-kyusu", null, 1, new BigDecimal("48.001")).variables())
        .isInstanceOf(ArithmeticException.class);
  }
}
