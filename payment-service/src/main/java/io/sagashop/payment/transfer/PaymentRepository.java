package io.sagashop.payment.transfer;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.orderId = ?1")
  Optional<Payment> findForUpdate(UUID orderId);

  /** The next transfer reference's serial: a database sequence never hands out one twice, rolled back or not. */
  @Query(value = "SELECT nextval('transfer_reference_serial')", nativeQuery = true)
  long nextReferenceSerial();
}
