package io.sagashop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HostileRecordsTest {

  private final byte[] good =
      TopicRecorder.envelope("PayPlaced", UUID.randomUUID(), Map.of("status", "PLACED", "amount", 96.00, "transferReference", "SAGA-22222K7M3QX"));

  @Test
  void breaksEveryFieldOfTheEnvelopeAndOfItsDataInEveryWay() {
    List<String> faults = HostileRecords.of(good).stream().map(HostileRecords.Hostile::fault).toList();

    assertThat(faults).contains("orderId missing", "type null", "data.amount out of any range", "data.transferReference far too long",
        "an order status nobody knows", "not JSON", "its id again, for another order", "its id again, with other data");
  }

  @Test
  void drawsRecordsThatEachDifferFromTheGoodOneAndFromEachOther() {
    List<HostileRecords.Hostile> drawn = HostileRecords.of(good).stream().filter(hostile -> hostile.fault().startsWith("drawn")).toList();

    assertThat(drawn).hasSize(HostileRecords.DRAWN);
    assertThat(drawn).allSatisfy(hostile -> assertThat(hostile.value()).isNotEqualTo(good));
    assertThat(drawn.stream().map(hostile -> new String(hostile.value())).distinct()).hasSizeGreaterThan(HostileRecords.DRAWN / 2);
  }

  @Test
  void drawsTheSameRecordsFromTheSameGoodOneWithinARun() {
    // a run's seed is fixed: a record that broke a consumer is drawn again by the same test
    assertThat(HostileRecords.of(good)).extracting(HostileRecords.Hostile::fault)
        .containsExactlyElementsOf(HostileRecords.of(good).stream().map(HostileRecords.Hostile::fault).toList());
  }
}
