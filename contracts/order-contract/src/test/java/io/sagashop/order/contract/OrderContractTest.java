package io.sagashop.order.contract;

import static io.sagashop.testsupport.ContractExamples.assertEvolves;
import static io.sagashop.testsupport.ContractExamples.assertReadAcrossVersions;
import static io.sagashop.testsupport.ContractExamples.assertWrittenAs;
import static io.sagashop.testsupport.ContractExamples.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order's event types read and write exactly the examples both sides' tests use. */
class OrderContractTest {

  @Test
  void orderPlacedIsTheExample() {
    OrderPlaced placed = read(OrderPlaced.class, "order-placed.json", OrderPlaced.class);

    assertThat(placed).isEqualTo(new OrderPlaced(UUID.fromString("6b1d4f1e-3f7a-4a55-9a53-0d7c1f0e2a11"), "alice", "tea-rooibos",
        "Rooibos tea, 250 g", 2, new BigDecimal("12.90"), new BigDecimal("25.80")));
    assertWrittenAs(placed, OrderPlaced.class, "order-placed.json");
  }

  @Test
  void aCancellationRecordIsTheExample() {
    CancellationRecord record = read(CancellationRecord.class, "cancellation-record.json", CancellationRecord.class);

    assertThat(record).isEqualTo(new CancellationRecord(CancellationReason.DEPOSIT_DEADLINE));
    assertWrittenAs(record, CancellationRecord.class, "cancellation-record.json");
  }

  @Test
  void aReceiptConfirmedIsTheExample() {
    ReceiptConfirmed receipt = read(ReceiptConfirmed.class, "receipt-confirmed.json", ReceiptConfirmed.class);

    assertThat(receipt).isEqualTo(new ReceiptConfirmed(UUID.fromString("6b1d4f1e-3f7a-4a55-9a53-0d7c1f0e2a11")));
    assertWrittenAs(receipt, ReceiptConfirmed.class, "receipt-confirmed.json");
  }

  @Test
  void theEventsKeepTheirNamesOnTheTopic() {
    assertThat(OrderEventType.values()).extracting(Enum::name)
        .containsExactly("OrderPlaced", "ReceiptConfirmed", "OrderClosed", "OrderCanceled");
  }

  @Test
  void everyExampleIsReadByOlderAndNewerServicesAlike() {
    // a rollout may upgrade either side first: neither refuses what the other writes
    assertReadAcrossVersions(OrderPlaced.class, "order-placed.json", OrderPlaced.class);
    assertReadAcrossVersions(ReceiptConfirmed.class, "receipt-confirmed.json", ReceiptConfirmed.class);
    assertReadAcrossVersions(CancellationRecord.class, "cancellation-record.json", CancellationRecord.class);
  }

  @Test
  void everyEventsDataKeepsTheFieldsOfItsOlderVersions() {
    // the data's schema version travels with each event; a reader of any version reads a writer of any other
    assertEvolves(OrderPlaced.class, "order-placed.json", OrderPlaced.class, OrderEventType.OrderPlaced);
    assertEvolves(ReceiptConfirmed.class, "receipt-confirmed.json", ReceiptConfirmed.class, OrderEventType.ReceiptConfirmed);
  }
}
