package io.sagashop.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.events.contract.EventType;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The evolution rule of docs/contracts.md, on a parcel whose data grew over three versions. */
class ContractExamplesTest {

  /** Today's data: version 3 added {@code insured}, version 2 {@code weight}. */
  record Parcel(@NotBlank String parcelId, BigDecimal weight, Boolean insured) {}

  record RenamedParcel(@NotBlank String parcelId, BigDecimal weightInKg) {}

  enum ParcelEvent implements EventType {
    ParcelShipped {
      @Override
      public int schemaVersion() {
        return 3;
      }
    },
    ParcelReturned {
      @Override
      public int schemaVersion() {
        return 3;
      }
    },
    ParcelLost,
    ParcelRenamed {
      @Override
      public int schemaVersion() {
        return 2;
      }
    }
  }

  @Test
  void shouldHoldDataThatOnlyGainedFieldsAndKeepsTheExampleOfEveryOlderVersion() {
    assertThatCode(() -> ContractExamples.assertEvolves(Parcel.class, "parcel.json", Parcel.class, ParcelEvent.ParcelShipped, ParcelEvent.ParcelReturned))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldFailARenamedFieldThatTheReadersOfTheOlderVersionNeed() {
    assertThatThrownBy(() -> ContractExamples.assertEvolves(RenamedParcel.class, "renamed-parcel.json", RenamedParcel.class, ParcelEvent.ParcelRenamed))
        .hasMessageContaining("lacks /weight");
  }

  @Test
  void shouldFailAVersionRaisedWithoutKeepingTheExampleBeforeIt() {
    ParcelEvent atVersion4 = ParcelEvent.ParcelShipped;
    EventType raised = new EventType() {
      @Override
      public String name() {
        return atVersion4.name();
      }

      @Override
      public int schemaVersion() {
        return 4;
      }
    };

    assertThatThrownBy(() -> ContractExamples.assertEvolves(Parcel.class, "parcel.json", Parcel.class, raised))
        .hasMessageContaining("the example of version 3 is kept beside it as parcel.v3.json");
  }

  @Test
  void shouldFailAKeptExampleOfAVersionNotReachedAndTypesThatDisagree() {
    assertThatThrownBy(() -> ContractExamples.assertEvolves(Parcel.class, "parcel.json", Parcel.class, ParcelEvent.ParcelLost))
        .hasMessageContaining("parcel.json is at version 1, yet parcel.v1.json is kept as an older version's example");
    assertThatThrownBy(() -> ContractExamples.assertEvolves(Parcel.class, "parcel.json", Parcel.class, ParcelEvent.ParcelShipped, ParcelEvent.ParcelLost))
        .hasMessageContaining("which all carry parcel.json");
  }
}
