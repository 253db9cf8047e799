package io.sagashop.delivery.shipping;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeliveryRepository extends JpaRepository<Delivery, UUID> {

  /** The next tracking number's serial: a database sequence never hands out one twice, rolled back or not. */
  @Query(value = "SELECT nextval('tracking_number')", nativeQuery = true)
  long nextTrackingSerial();
}
