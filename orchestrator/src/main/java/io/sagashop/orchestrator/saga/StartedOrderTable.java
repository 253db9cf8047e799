package io.sagashop.orchestrator.saga;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts of an order as {@link SagaStarts} stored them in started_order, in the transaction that
 * started the saga. The order's id is the business key, which nothing after the start can change.
 * The process variables that copy these facts are checked against them at every step.
 */
@Component
class StartedOrderTable implements StartedOrders {

  private final JdbcTemplate jdbc;

  StartedOrderTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public OrderFacts factsOf(DelegateExecution execution) {
    UUID orderId = UUID.fromString(execution.getProcessBusinessKey());
    OrderFacts facts = stored(orderId).orElseThrow(() -> new IllegalStateException("the saga of order " + orderId + " has no stored facts (no started_order row with its product,"
          + " quantity and amount): it was not started from OrderPlaced, and its steps cannot know what to act on"));
    requireUnchanged(execution, SagaVariables.ORDER_ID, orderId.toString(), Objects.equals(execution.getVariable(SagaVariables.ORDER_ID), orderId.toString()));
    requireUnchanged(execution, SagaVariables.PRODUCT_ID, facts.productId(), facts.productId().equals(execution.getVariable(SagaVariables.PRODUCT_ID)));
    requireUnchanged(execution, SagaVariables.QUANTITY, facts.quantity(), SameValue.number(execution.getVariable(SagaVariables.QUANTITY), BigDecimal.valueOf(facts.quantity())));
    requireUnchanged(execution, SagaVariables.AMOUNT, facts.amount().toPlainString(), SameValue.number(execution.getVariable(SagaVariables.AMOUNT), facts.amount()));
    return facts;
  }

  /** The facts stored when the order's saga started; none for a saga started before they were stored. */
  Optional<OrderFacts> stored(UUID orderId) {
    return jdbc.query(
        "SELECT product_id, quantity, amount FROM started_order WHERE order_id = ? AND product_id IS NOT NULL",
        (row, i) -> new OrderFacts(orderId, row.getString("product_id"), row.getInt("quantity"), row.getBigDecimal("amount")),
        orderId).stream().findFirst();
  }

  private static void requireUnchanged(DelegateExecution execution, String variable, Object fact, boolean unchanged) {
    if (!unchanged) {
      throw new OrderFactChangedException(variable, fact, execution.getVariable(variable));
    }
  }
}
