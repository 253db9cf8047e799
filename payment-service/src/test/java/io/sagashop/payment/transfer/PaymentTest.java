package io.sagashop.payment.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.payment.contract.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The rules of one bank-transfer payment, and of the references customers type. */
class PaymentTest {

  private static final Instant PLACED_AT = Instant.parse("2026-12-03T08:00:00Z");
  private static final Instant LATER = PLACED_AT.plusSeconds(60);

  private static final BankTransferProperties BANK = new BankTransferProperties("DE89 3704 0044 0532 0130 00", "SAGA", "order-events", false);

  private final TransferReferences references = new TransferReferences(BANK);
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
    Set<String> seen = new HashSet<>();
    for (int serial = 0; serial < 1_000; serial++) {
      String reference = references.of(serial);
      assertThat(reference).matches("SAGA-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{11}");
      seen.add(reference);
    }
    assertThat(seen).as("a thousand references, none twice").hasSize(1_000);
  }

  @Test
  void referencesOfDifferentSerialsDifferWhateverTheirRandomPart() {
    // the serial is everything before the last six characters: it alone makes the reference unique
    assertThat(references.of(0)).startsWith("SAGA-22222");
    assertThat(references.of(31)).startsWith("SAGA-2222Z");
    assertThat(references.of(32)).startsWith("SAGA-22232");
    String beyondFiveCharacters = references.of(32L * 32 * 32 * 32 * 32);
    assertThat(beyondFiveCharacters).matches("SAGA-322222[2-9A-HJ-NP-Z]{6}");
    assertThat(references.of(Long.MAX_VALUE)).hasSizeLessThanOrEqualTo(32);
    assertThatThrownBy(() -> references.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoPaymentsThatDrawTheSameRandomCharactersStillGetReferencesOfTheirOwn() {
    // before, a reference was its random characters only: the same draw was the same reference,
    // and the second payment's insert broke the UNIQUE column
    TransferReferences unlucky = new TransferReferences(BANK, new Random(7));
    TransferReferences alsoUnlucky = new TransferReferences(BANK, new Random(7));

    assertThat(unlucky.of(41)).isNotEqualTo(alsoUnlucky.of(42));
  }
}
