package io.sagashop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.testsupport.RepositorySlice;
import io.sagashop.testsupport.RowLocks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The orders' table as order-service relies on it, on PostgreSQL with the service's schema. */
@RepositorySlice
class OrderRepositoryTest {

  private static final Instant PLACED_AT = Instant.parse("2026-12-05T08:00:00.123456Z");

  @Autowired OrderRepository orders;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void keepsEveryFactOfAnOrderAsPlaced() {
    Order placed = orders.saveAndFlush(order("ada", "key-1"));

    Order read = orders.findById(placed.orderId()).orElseThrow();

    assertThat(read.customerId()).isEqualTo("ada");
    assertThat(read.productId()).isEqualTo("tea");
    assertThat(read.quantity()).isEqualTo(3);
    assertThat(read.unitPrice()).isEqualByComparingTo("19.90");
    assertThat(read.amount()).isEqualByComparingTo("59.70");
    assertThat(read.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(read.placedAt()).isEqualTo(PLACED_AT);
  }

  @Test
  void anIdempotencyKeyIsEachCustomersOwn() {
    Order ada = orders.saveAndFlush(order("ada", "same-key"));
    Order bea = orders.saveAndFlush(order("bea", "same-key"));

    assertThat(orders.findByCustomerIdAndIdempotencyKey("ada", "same-key")).map(Order::orderId).contains(ada.orderId());
    assertThat(orders.findByCustomerIdAndIdempotencyKey("bea", "same-key")).map(Order::orderId).contains(bea.orderId());
    assertThatThrownBy(() -> orders.saveAndFlush(order("ada", "same-key")))
        .as("a second order of one customer under one key, as two replicas placing it at once would store it")
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("customer_order_idempotency_key");
  }

  @Test
  void aCustomerMayPlaceAnyNumberOfOrdersWithoutAKey() {
    String customer = "cy-" + UUID.randomUUID();

    orders.saveAndFlush(order(customer, null));
    orders.saveAndFlush(order(customer, null));

    assertThat(orders.findAll()).filteredOn(order -> order.customerId().equals(customer)).hasSize(2);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void anOrderReadForUpdateIsLockedUntilItsTransactionEnds() {
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    UUID orderId = inTransaction.execute(status -> orders.save(order("ada", null)).orderId());

    Boolean lockedMeanwhile = inTransaction.execute(status -> {
      orders.findForUpdate(orderId).orElseThrow();
      return RowLocks.isLocked(dataSource, "customer_order", "order_id", orderId);
    });

    assertThat(lockedMeanwhile).isTrue();
    assertThat(RowLocks.isLocked(dataSource, "customer_order", "order_id", orderId)).isFalse();
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void aChangeMadeOnAStaleCopyIsRefusedNotWrittenOverTheNewerOne() {
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    UUID orderId = inTransaction.execute(status -> orders.save(order("ada", null)).orderId());
    Order stale = orders.findById(orderId).orElseThrow();
    inTransaction.executeWithoutResult(status -> orders.findById(orderId).orElseThrow().close(PLACED_AT.plusSeconds(60)));

    stale.cancel(io.sagashop.order.contract.CancellationReason.CUSTOMER_REQUEST, PLACED_AT.plusSeconds(61));

    assertThatThrownBy(() -> orders.save(stale)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
    assertThat(orders.findById(orderId).orElseThrow().status()).isEqualTo(OrderStatus.CLOSED);
  }

  private static Order order(String customer, String idempotencyKey) {
    return new Order(UUID.randomUUID(), customer, "tea", 3, new BigDecimal("19.90"), idempotencyKey, PLACED_AT.truncatedTo(ChronoUnit.MICROS));
  }
}
