package io.sagashop.delivery.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sagashop.testsupport.ConcurrentCalls;
import io.sagashop.testsupport.RepositorySlice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The deliveries' table as delivery-service relies on it, on PostgreSQL with the service's schema. */
@RepositorySlice
class DeliveryRepositoryTest {

  private static final Instant STARTED_AT = Instant.parse("2026-12-05T08:00:00Z");

  @Autowired DeliveryRepository deliveries;

  @Test
  void keepsWhatIsShippedAndItsTrackingNumber() {
    UUID orderId = UUID.randomUUID();
    deliveries.saveAndFlush(new Delivery(orderId, "tea", 3, "TRK-000001", STARTED_AT));

    Delivery read = deliveries.findById(orderId).orElseThrow();

    assertThat(read.productId()).isEqualTo("tea");
    assertThat(read.quantity()).isEqualTo(3);
    assertThat(read.trackingNumber()).isEqualTo("TRK-000001");
    assertThat(read.startedAt()).isEqualTo(STARTED_AT);
  }

  @Test
  void noTwoDeliveriesShareATrackingNumber() {
    deliveries.saveAndFlush(new Delivery(UUID.randomUUID(), "tea", 1, "TRK-SAME", STARTED_AT));

    assertThatThrownBy(() -> deliveries.saveAndFlush(new Delivery(UUID.randomUUID(), "tea", 1, "TRK-SAME", STARTED_AT)))
        .as("a parcel traced by this number would be two customers'")
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void everyTrackingSerialIsDrawnOnceAcrossConcurrentCallers() {
    List<Long> serials = ConcurrentCalls.answers(200, 8, deliveries::nextTrackingSerial);

    assertThat(serials).doesNotHaveDuplicates().hasSize(200);
  }
}
