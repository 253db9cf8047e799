package io.sagashop.payment.contract;

import static io.sagashop.testsupport.ContractExamples.assertEvolves;
import static io.sagashop.testsupport.ContractExamples.assertReadAcrossVersions;
import static io.sagashop.testsupport.ContractExamples.assertWrittenAs;
import static io.sagashop.testsupport.ContractExamples.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payment types read and write exactly the examples both sides' tests use. */
class PaymentContractTest {

  @Test
  void aPaymentRequestIsTheExample() {
    PaymentRequest request = read(PaymentRequest.class, "payment-request.json", PaymentRequest.class);

    assertThat(request.amount()).isEqualByComparingTo("25.80");
    assertWrittenAs(request, PaymentRequest.class, "payment-request.json");
  }

  @Test
  void aPaymentIsTheExample() {
    PaymentView payment = read(PaymentView.class, "payment.json", PaymentView.class);

    assertThat(payment).isEqualTo(new PaymentView(
        UUID.fromString("6b1d4f1e-3f7a-4a55-9a53-0d7c1f0e2a11"), new BigDecimal("25.80"), "DE02 1203 0000 0000 2020 51",
        "SAGA-K7QXM4R2TB", PaymentStatus.PLACED, Instant.parse("2026-12-03T10:15:30.123456Z"), null, null));
    assertWrittenAs(payment, PaymentView.class, "payment.json");
  }

  @Test
  void theAmountsAreThoseOfABankTransfer() {
    assertThat(new BigDecimal(PaymentAmounts.MIN_AMOUNT)).isEqualByComparingTo("0.01");
    assertThat(PaymentAmounts.maxAmount()).isEqualByComparingTo(PaymentAmounts.MAX_AMOUNT);
  }

  @Test
  void everyExampleIsReadByOlderAndNewerServicesAlike() {
    // a rollout may upgrade either side first: neither refuses what the other writes
    assertReadAcrossVersions(PaymentRequest.class, "payment-request.json", PaymentRequest.class);
    assertReadAcrossVersions(PaymentView.class, "payment.json", PaymentView.class);
  }

  @Test
  void everyEventsDataKeepsTheFieldsOfItsOlderVersions() {
    // the data's schema version travels with each event; a reader of any version reads a writer of any other
    assertEvolves(PaymentView.class, "payment.json", PaymentView.class, PaymentEventType.PayPlaced, PaymentEventType.PayChecked, PaymentEventType.PayCanceled);
  }
}
