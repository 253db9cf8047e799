package io.sagashop.payment.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.testsupport.ConcurrentCalls;
import io.sagashop.testsupport.RepositorySlice;
import io.sagashop.testsupport.RowLocks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The payments' table as payment-service relies on it, on PostgreSQL with the service's schema. */
@RepositorySlice
class PaymentRepositoryTest {

  private static final Instant PLACED_AT = Instant.parse("2026-12-05T08:00:00Z");

  @Autowired PaymentRepository payments;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void keepsWhatTheCustomerMustTransferToTheCent() {
    Payment placed = payments.saveAndFlush(payment("PT-ABCDE-123456", "59.70"));

    Payment read = payments.findById(placed.orderId()).orElseThrow();

    assertThat(read.amount()).isEqualByComparingTo("59.70");
    assertThat(read.transferReference()).isEqualTo("PT-ABCDE-123456");
    assertThat(read.bankAccount()).isEqualTo("DE02120300000000202051");
    assertThat(read.status()).isEqualTo(io.sagashop.payment.contract.PaymentStatus.PLACED);
  }

  @Test
  void noTwoPaymentsShareATransferReference() {
    payments.saveAndFlush(payment("PT-SAME-000001", "10.00"));

    assertThatThrownBy(() -> payments.saveAndFlush(payment("PT-SAME-000001", "20.00")))
        .as("a deposit with this reference would match two orders")
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void noPaymentOfNothing() {
    assertThatThrownBy(() -> payments.saveAndFlush(payment("PT-ZERO-000001", "0.00"))).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void everyReferenceSerialIsDrawnOnceAcrossConcurrentCallers() {
    List<Long> serials = ConcurrentCalls.answers(200, 8, payments::nextReferenceSerial);

    assertThat(serials).doesNotHaveDuplicates().hasSize(200);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void aPaymentReadForUpdateIsLockedUntilItsTransactionEnds() {
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    UUID orderId = inTransaction.execute(status -> payments.save(payment("PT-LOCK-" + UUID.randomUUID().toString().substring(0, 8), "10.00")).orderId());

    Boolean lockedMeanwhile = inTransaction.execute(status -> {
      payments.findForUpdate(orderId).orElseThrow();
      return RowLocks.isLocked(dataSource, "payment", "order_id", orderId);
    });

    assertThat(lockedMeanwhile).isTrue();
    assertThat(RowLocks.isLocked(dataSource, "payment", "order_id", orderId)).isFalse();
  }

  private static Payment payment(String reference, String amount) {
    return new Payment(UUID.randomUUID(), new BigDecimal(amount), "DE02120300000000202051", reference, PLACED_AT);
  }
}
