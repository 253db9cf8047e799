package io.sagashop.delivery.contract;

import static io.sagashop.testsupport.ContractExamples.assertEvolves;
import static io.sagashop.testsupport.ContractExamples.assertReadAcrossVersions;
import static io.sagashop.testsupport.ContractExamples.assertWrittenAs;
import static io.sagashop.testsupport.ContractExamples.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery types read and write exactly the examples both sides' tests use. */
class DeliveryContractTest {

  @Test
  void startDeliveryIsTheExample() {
    StartDelivery command = read(StartDelivery.class, "start-delivery.json", StartDelivery.class);

    assertThat(command).isEqualTo(new StartDelivery("tea-rooibos", 2));
    assertWrittenAs(command, StartDelivery.class, "start-delivery.json");
  }

  @Test
  void aDeliveryIsTheExample() {
    DeliveryView delivery = read(DeliveryView.class, "delivery.json", DeliveryView.class);

    assertThat(delivery).isEqualTo(new DeliveryView(UUID.fromString("6b1d4f1e-3f7a-4a55-9a53-0d7c1f0e2a11"), "tea-rooibos", 2,
        DeliveryStatus.STARTED, "sagashop parcel service", "SP-4E7C2A9D1B", Instant.parse("2026-12-03T10:17:02.500Z")));
    assertWrittenAs(delivery, DeliveryView.class, "delivery.json");
  }

  @Test
  void theCommandsKeepTheirNamesOnTheTopic() {
    assertThat(DeliveryCommandType.values()).extracting(Enum::name).containsExactly("StartDelivery", "CancelDelivery");
  }

  @Test
  void everyExampleIsReadByOlderAndNewerServicesAlike() {
    // a rollout may upgrade either side first: neither refuses what the other writes
    assertReadAcrossVersions(StartDelivery.class, "start-delivery.json", StartDelivery.class);
    assertReadAcrossVersions(DeliveryView.class, "delivery.json", DeliveryView.class);
  }

  @Test
  void everyEventsDataKeepsTheFieldsOfItsOlderVersions() {
    // the data's schema version travels with each event; a reader of any version reads a writer of any other
    assertEvolves(DeliveryView.class, "delivery.json", DeliveryView.class, DeliveryEventType.DeliveryStarted);
    assertEvolves(StartDelivery.class, "start-delivery.json", StartDelivery.class, DeliveryCommandType.StartDelivery);
  }
}
