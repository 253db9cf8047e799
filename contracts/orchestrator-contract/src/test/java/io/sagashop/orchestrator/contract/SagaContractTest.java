package io.sagashop.orchestrator.contract;

import static io.sagashop.testsupport.ContractExamples.assertReadAcrossVersions;
import static io.sagashop.testsupport.ContractExamples.assertWrittenAs;
import static io.sagashop.testsupport.ContractExamples.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The saga's answers read and write exactly the examples both sides' tests use. */
class SagaContractTest {

  private static final UUID ORDER = UUID.fromString("6b1d4f1e-3f7a-4a55-9a53-0d7c1f0e2a11");

  @Test
  void aCancellationRequestIsTheExample() {
    CancellationRequest request = read(CancellationRequest.class, "cancellation-request.json", CancellationRequest.class);

    assertThat(request).isEqualTo(new CancellationRequest("tea-rooibos", 2, new BigDecimal("25.80"), "ordered the wrong tea"));
    assertWrittenAs(request, CancellationRequest.class, "cancellation-request.json");
  }

  @Test
  void theAnswersAreTheExamples() {
    CancellationAnswer cancellation = read(CancellationAnswer.class, "cancellation-accepted.json", CancellationAnswer.class);
    ReceiptAnswer receipt = read(ReceiptAnswer.class, "receipt-accepted.json", ReceiptAnswer.class);

    assertThat(cancellation).isEqualTo(new CancellationAnswer(ORDER, CancellationOutcome.ACCEPTED));
    assertWrittenAs(cancellation, CancellationAnswer.class, "cancellation-accepted.json");
    assertThat(receipt).isEqualTo(new ReceiptAnswer(ORDER));
    assertWrittenAs(receipt, ReceiptAnswer.class, "receipt-accepted.json");
  }

  @Test
  void theRefusalsHaveTheContractsProblemTypes() {
    JsonNode cancellation = read(SagaProblems.class, "cancellation-refused.json", JsonNode.class);
    JsonNode receipt = read(SagaProblems.class, "receipt-refused.json", JsonNode.class);

    assertThat(cancellation.get("type").asText()).isEqualTo(SagaProblems.CANCELLATION_REFUSED.toString());
    assertThat(receipt.get("type").asText()).isEqualTo(SagaProblems.RECEIPT_REFUSED.toString());
    assertThat(cancellation.get("status").asInt()).isEqualTo(409);
    assertThat(receipt.get("orderId").asText()).isEqualTo(ORDER.toString());
  }

  @Test
  void everyExampleIsReadByOlderAndNewerServicesAlike() {
    // a rollout may upgrade either side first: neither refuses what the other writes
    assertReadAcrossVersions(CancellationRequest.class, "cancellation-request.json", CancellationRequest.class);
    assertReadAcrossVersions(CancellationAnswer.class, "cancellation-accepted.json", CancellationAnswer.class);
    assertReadAcrossVersions(ReceiptAnswer.class, "receipt-accepted.json", ReceiptAnswer.class);
  }
}
