package io.sagashop.payment.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.payment.contract.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The rules of one bank-transfer payment, and of the references customers type. */
class PaymentTest {

  private static final Instant PLACED_AT = Instant.parse("2026-12-03T08:00:00Z");
  private static final Instant LATER = PLACED_AT.plusSeconds(60);

  private final Payment payment = new Payment(UUID.randomUUID(), new BigDecimal("59.70"), "DE89 3704 0044 0532 0130 00", "SAGA-ABCDEFGHJK", PLACED_AT);

  @Test
  void aDepositIsConfirmedOnceAndKeepsItsFirstTime() {
    assertThat(payment.confirmDeposit(LATER)).isTrue();
    assertThat(payment.confirmDeposit(LATER.plusSeconds(5))).isFalse();
    assertThat(payment.status()).isEqualTo(PaymentStatus.CHECKED);
    assertThat(payment.checkedAt()).isEqualTo(LATER);
  }

  @Test
  void cancellingBeforeTheDepositVoidsThePayment() {
    assertThat(payment.cancel(LATER)).isTrue();
    assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(payment.canceledAt()).isEqualTo(LATER);
  }

  @Test
  void cancellingAfterTheDepositRefundsItOnce() {
    payment.confirmDeposit(LATER);

    assertThat(payment.cancel(LATER.plusSeconds(1))).isTrue();
    assertThat(payment.cancel(LATER.plusSeconds(2))).isFalse();
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(payment.canceledAt()).isEqualTo(LATER.plusSeconds(1));
  }

  @Test
  void aDepositForACancelledPaymentIsRefusedAndNamesTheStatus() {
    payment.cancel(LATER);

    assertThatThrownBy(() -> payment.confirmDeposit(LATER.plusSeconds(1)))
        .isInstanceOfSatisfying(PaymentClosedException.class, closed -> {
          assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(closed.getBody().getProperties()).containsEntry("status", PaymentStatus.CANCELED);
        });
    assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(payment.checkedAt()).isNull();
  }

  @Test
  void referencesStartWithTheShopsPrefixAndAvoidCharactersCustomersMistype() {
    TransferReferences references = new TransferReferences(new BankTransferProperties("DE89 3704 0044 0532 0130 00", "SAGA", "order-events", false));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String reference = references.next();
      assertThat(reference).matches("SAGA-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}");
      seen.add(reference);
    }
    assertThat(seen).as("a thousand references, none twice").hasSize(1_000);
  }
}
