package io.sagashop.delivery.shipping;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeliveryRepository extends JpaRepository<Delivery, UUID> {}
